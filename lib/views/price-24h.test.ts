import { describe, expect, it } from 'vitest';
import { price24hAgoSinceS } from './price-24h';

describe('price24hAgoSinceS', () => {
  it.each([
    [Date.UTC(2026, 0, 7, 12, 0, 0) / 1000, Date.UTC(2026, 0, 6, 13, 0, 0) / 1000],
    [Date.UTC(2026, 0, 7, 12, 59, 59) / 1000, Date.UTC(2026, 0, 6, 13, 0, 0) / 1000],
    [Date.UTC(2026, 0, 7, 0, 30, 0) / 1000, Date.UTC(2026, 0, 6, 1, 0, 0) / 1000],
  ])('now %i → the start of the oldest of the last 24 hourly candles, %i', (nowS, sinceS) => {
    expect(price24hAgoSinceS(nowS)).toBe(sinceS);
  });
});
