import { describe, expect, it } from 'vitest';
import { toWire, wireResponse } from './wire-json';

describe('toWire', () => {
  it('turns bigints into decimal strings recursively and drops undefined fields', () => {
    const value = { a: 1n, b: [2n, { c: -3n, d: null }], e: 'x', f: 4, g: undefined, h: 2n ** 130n };
    expect(toWire(value)).toEqual({ a: '1', b: ['2', { c: '-3', d: null }], e: 'x', f: 4, h: (2n ** 130n).toString() });
  });

  it('makes a JSON response that never holds a JSON number for an amount', async () => {
    const res = wireResponse({ sizeUsd: 10_000_000n });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"sizeUsd":"10000000"}');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('asks Next not to compress with compress: false (no-transform)', () => {
    expect(wireResponse({}, 200, { compress: false }).headers.get('cache-control')).toBe('no-store, no-transform');
  });
});
