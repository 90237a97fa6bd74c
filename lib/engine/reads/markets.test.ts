import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCandleHistory } from '@/lib/oracle/candle-store';
import { MARKETS } from '@/lib/math/params';
import { T0_MS, createTestWorld, type TestWorld } from '../test-support';
import { price24hAgoSinceS } from './markets';

const H = 3_600;

describe('price24hAgoSinceS', () => {
  it.each([
    [Date.UTC(2026, 0, 7, 12, 0, 0) / 1000, Date.UTC(2026, 0, 6, 13, 0, 0) / 1000],
    [Date.UTC(2026, 0, 7, 12, 59, 59) / 1000, Date.UTC(2026, 0, 6, 13, 0, 0) / 1000],
    [Date.UTC(2026, 0, 7, 0, 30, 0) / 1000, Date.UTC(2026, 0, 6, 1, 0, 0) / 1000],
  ])('now %i → the start of the oldest of the last 24 hourly candles, %i', (nowS, sinceS) => {
    expect(price24hAgoSinceS(nowS)).toBe(sinceS);
  });
});

describe('GET /api/markets price24hAgo', () => {
  let w: TestWorld;
  beforeAll(async () => {
    w = await createTestWorld('pglite');
    await w.reset();
  });
  afterAll(async () => {
    await w?.close();
  });

  it('is the open of the first 1m candle since then, and null for a market without one', async () => {
    const since = price24hAgoSinceS(T0_MS / 1000);
    const feed = MARKETS.SOL.feed;
    const candle = (t: number, open: bigint) => ({ feed, time: t, open, high: open, low: open, close: open });
    await insertCandleHistory(w.db, [candle(since - 60, 1n), candle(since + 120, 2n), candle(since + 2 * H, 3n)]);
    const markets = await w.engine.getMarkets();
    expect(markets.find((m) => m.id === 'SOL')?.price24hAgo).toBe(2n);
    expect(markets.find((m) => m.id === 'BTC')?.price24hAgo).toBeNull();
  });
});
