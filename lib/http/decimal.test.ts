import { describe, expect, it } from 'vitest';
import { HttpError } from './errors';
import { MAX_WIRE_UINT, idString, uintString } from './decimal';
import { parseOr400 } from './parse';

function outcome(schema: Parameters<typeof parseOr400>[0], value: unknown): string {
  try {
    return `ok ${String(parseOr400(schema, value))}`;
  } catch (e) {
    if (e instanceof HttpError) return `${e.status} ${e.code}`;
    throw e;
  }
}

describe('uintString', () => {
  it.each([
    ['"1"', '1', 'ok 1'],
    ['leading zeros are the same number', '007', 'ok 7'],
    ['2^128 − 1 is the largest', MAX_WIRE_UINT.toString(), `ok ${MAX_WIRE_UINT}`],
    ['2^128', (MAX_WIRE_UINT + 1n).toString(), '400 NUMBER_OUT_OF_RANGE'],
    ['zero where zero is meaningless', '0', '400 NUMBER_OUT_OF_RANGE'],
    ['79 digits', '1'.repeat(79), '400 INVALID_NUMBER'],
    ['a JSON number', 1000, '400 INVALID_REQUEST'],
    ['a bigint-sized JSON number', 1e30, '400 INVALID_REQUEST'],
    ['exponent', '1e3', '400 INVALID_NUMBER'],
    ['hex', '0x10', '400 INVALID_NUMBER'],
    ['negative', '-1', '400 INVALID_NUMBER'],
    ['fraction', '1.5', '400 INVALID_NUMBER'],
    ['empty', '', '400 INVALID_NUMBER'],
    ['spaces', ' 1', '400 INVALID_NUMBER'],
    ['plus sign', '+1', '400 INVALID_NUMBER'],
    ['unicode digits', '١٢٣', '400 INVALID_NUMBER'],
    ['null', null, '400 INVALID_REQUEST'],
    ['missing', undefined, '400 INVALID_REQUEST'],
    ['boolean', true, '400 INVALID_REQUEST'],
    ['array', ['1'], '400 INVALID_REQUEST'],
  ])('%s', (_name, input, expected) => {
    expect(outcome(uintString(), input)).toBe(expected);
  });

  it('allows zero when min is 0 and honours a max', () => {
    expect(outcome(uintString({ min: 0n }), '0')).toBe('ok 0');
    expect(outcome(uintString({ min: 1n, max: 10_000n }), '10000')).toBe('ok 10000');
    expect(outcome(uintString({ min: 1n, max: 10_000n }), '10001')).toBe('400 NUMBER_OUT_OF_RANGE');
  });

  it('ids are canonical decimal text below 2^63', () => {
    expect(outcome(idString, '0042')).toBe('ok 42');
    expect(outcome(idString, (2n ** 63n).toString())).toBe('400 NUMBER_OUT_OF_RANGE');
    expect(outcome(idString, 'abc')).toBe('400 INVALID_NUMBER');
  });

  it('names the field in the message', () => {
    expect(() => parseOr400(uintString(), '1e3', 'params.amount')).toThrow(/^params\.amount: must be a whole number/);
  });
});
