import { describe, expect, it } from 'vitest';
import { parseInteger, parseUint, parseUnits } from './parse';

const MAX = '9'.repeat(78);

describe('parseUint', () => {
  it.each([
    ['0', 0n],
    ['007', 7n],
    ['1502500000000', 1_502_500_000_000n],
    [MAX, BigInt(MAX)],
  ])('%s → %s', (text, value) => expect(parseUint(text)).toBe(value));

  it.each(['', '-1', '+1', '1e3', '0x10', '1.5', ' 1', '1 ', '١', `1${MAX}`])('rejects %j', (text) => expect(parseUint(text)).toBeUndefined());
});

describe('parseInteger', () => {
  it.each([
    ['-933333334', -933_333_334n],
    ['42', 42n],
    ['-0', 0n],
  ])('%s → %s', (text, value) => expect(parseInteger(text)).toBe(value));

  it.each(['', '-', '--1', '1-', '1e3', '0x10', `-1${MAX}`])('rejects %j', (text) => expect(parseInteger(text)).toBeUndefined());
});

describe('parseUnits', () => {
  it.each([
    ['1.5', 9, 1_500_000_000n],
    ['150', 10, 1_500_000_000_000n],
    ['0.000025', 10, 250_000n],
    ['23333.333333333', 9, 23_333_333_333_333n],
    ['10', 0, 10n],
    ['1.50', 2, 150n],
  ])('%s with %i decimals → %s', (text, decimals, value) => expect(parseUnits(text, decimals)).toBe(value));

  it.each([
    ['1e3', 6],
    ['0x10', 6],
    ['-1', 6],
    ['1.2.3', 6],
    ['', 6],
    ['.5', 6],
    ['1.', 6],
    ['1.1234567', 6],
    ['1.5', 0],
    ['1', -1],
    ['1', 1.5],
    [MAX, 1],
  ])('rejects %j with %s decimals', (text, decimals) => expect(parseUnits(text, decimals)).toBeUndefined());
});
