import { describe, expect, it } from 'vitest';
import { HttpError } from '@/lib/http/errors';
import { parseCandlesQuery } from './candles-query';

const parse = (query: string) => parseCandlesQuery(new URLSearchParams(query));

describe('parseCandlesQuery', () => {
  it.each([
    ['market=SOL', { market: 'SOL', interval: '1m', limit: 300 }],
    ['market=BTC&interval=4h&limit=1000', { market: 'BTC', interval: '4h', limit: 1000 }],
    ['market=XAU&interval=1d&limit=1', { market: 'XAU', interval: '1d', limit: 1 }],
  ])('%s', (query, expected) => {
    expect(parse(query)).toEqual(expected);
  });

  it.each([
    ['', 'UNKNOWN_MARKET'],
    ['market=USDC', 'UNKNOWN_MARKET'],
    ['market=sol', 'UNKNOWN_MARKET'],
    ['market=SOL&interval=2m', 'INVALID_INTERVAL'],
    ['market=SOL&interval=toString', 'INVALID_INTERVAL'],
    ['market=SOL&limit=0', 'INVALID_LIMIT'],
    ['market=SOL&limit=1001', 'INVALID_LIMIT'],
    ['market=SOL&limit=1e3', 'INVALID_LIMIT'],
    ['market=SOL&limit=-5', 'INVALID_LIMIT'],
    ['market=SOL&limit=', 'INVALID_LIMIT'],
  ])('%j → 400 %s', (query, code) => {
    const error = (() => {
      try {
        parse(query);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 400, code });
  });
});
