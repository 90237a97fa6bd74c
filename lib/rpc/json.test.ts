import { describe, expect, it } from 'vitest';
import { parseJson, stringifyJson } from './json';

describe('JSON with exact u64s', () => {
  it('writes bigints as raw JSON numbers, leaving strings alone', () => {
    expect(stringifyJson({ a: 18446744073709551615n, b: [1n, 2], c: 'x{"$n":"5"}', d: undefined })).toBe(
      '{"a":18446744073709551615,"b":[1,2],"c":"x{\\"$n\\":\\"5\\"}"}',
    );
  });

  it('reads integers beyond 2^53 as bigints and the rest as JSON.parse does', () => {
    expect(parseJson('{"a":18446744073709551615,"b":9007199254740991,"c":-9007199254740993,"d":1.5e300,"e":"123456789012345678"}')).toEqual({
      a: 18446744073709551615n,
      b: 9007199254740991,
      c: -9007199254740993n,
      d: 1.5e300,
      e: '123456789012345678',
    });
    expect(parseJson('[1,"\\"99999999999999999\\"",2]')).toEqual([1, '"99999999999999999"', 2]);
    expect(() => parseJson('{"a":')).toThrow(SyntaxError);
  });

  it('round-trips', () => {
    const value = { lamports: 12345678901234567890n, list: [0n, -1n], nested: { s: 'é\n' } };
    expect(parseJson(stringifyJson(value))).toEqual({ lamports: 12345678901234567890n, list: [0, -1], nested: { s: 'é\n' } });
  });
});
