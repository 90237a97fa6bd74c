import { describe, expect, it } from 'vitest';
import { rpcCacheControl, SMALL_ANSWER_CHARS } from './http-answer';

describe('rpcCacheControl', () => {
  it.each([
    [1, 'no-store, no-transform'],
    [SMALL_ANSWER_CHARS - 1, 'no-store, no-transform'],
    [SMALL_ANSWER_CHARS, 'no-store'],
    [100_000, 'no-store'],
  ])('an answer of %i characters: %s', (length, expected) => {
    expect(rpcCacheControl('x'.repeat(length))).toBe(expected);
  });
});
