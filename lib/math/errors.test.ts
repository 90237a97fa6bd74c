import { describe, expect, it } from 'vitest';
import { describeBps, describeFixed, describeLeverage, describePrice, describeUsd } from './describe';
import { ERROR_CODES, ProtocolError, isProtocolError, protocolErrorStatus } from './errors';
import { pow10 } from './scales';

describe('ProtocolError', () => {
  it('carries a stable code, a message and details', () => {
    const e = new ProtocolError('SLIPPAGE', 'The price moved.', { price: '1' });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ProtocolError');
    expect(e.code).toBe('SLIPPAGE');
    expect(e.details).toEqual({ price: '1' });
    expect(isProtocolError(e)).toBe(true);
    expect(isProtocolError(new Error('x'))).toBe(false);
    expect(new ProtocolError('NOT_FOUND', 'x').details).toBeUndefined();
  });

  it.each([
    ['MARKET_CLOSED', 503],
    ['ORACLE_STALE', 503],
    ['NOT_FOUND', 404],
    ['NOT_OWNER', 403],
    ['LEVERAGE_TOO_HIGH', 422],
  ] as const)('%s maps to HTTP %i', (code, status) => expect(protocolErrorStatus(code)).toBe(status));

  it('lists every code of the contract once', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(ERROR_CODES).toContain('REMAINING_COLLATERAL_TOO_SMALL');
  });
});

describe('describe*', () => {
  it.each([
    [describeUsd(1_000_000_000_000n), '$1,000,000'],
    [describeUsd(10_500_000n), '$10.5'],
    [describeUsd(-933_333_334n), '-$933.33'],
    [describePrice(1_210_500_000_000n), '$121.05'],
    [describePrice(250_000n), '$0.000025'],
    [describeLeverage(1_500_000n), '150x'],
    [describeLeverage(11_000n), '1.1x'],
    [describeBps(4_100n), '41%'],
    [describeBps(25n), '0.25%'],
    [describeFixed(-5n, 1), '-0.5'],
  ])('%s', (text, expected) => expect(text).toBe(expected));
});

describe('pow10', () => {
  it('computes powers and refuses bad exponents', () => {
    expect(pow10(0)).toBe(1n);
    expect(pow10(13)).toBe(10_000_000_000_000n);
    expect(() => pow10(-1)).toThrow(RangeError);
    expect(() => pow10(1.5)).toThrow(RangeError);
  });
});
