import { describe, expect, it } from 'vitest';
import { applyTick, bucketStart, candlesFromTicks, rollUpCandles, type Candle } from './candles';
import type { OraclePrice } from './types';

const t = (publishTime: number, price: bigint): OraclePrice => ({ feed: 'SOL', price, publishTime });
const c = (time: number, open: bigint, high: bigint, low: bigint, close: bigint): Candle => ({ time, open, high, low, close });

describe('candles from ticks', () => {
  it('aggregates hand-made ticks into 1m candles that join up', () => {
    const ticks = [t(60, 100n), t(70, 120n), t(119, 90n), t(120, 95n), t(179, 130n), t(300, 80n)];
    expect(candlesFromTicks(ticks)).toEqual([
      c(60, 100n, 120n, 90n, 90n),
      c(120, 90n, 130n, 90n, 130n), // opens at the previous close 90
      c(300, 130n, 130n, 80n, 80n), // a gap: still opens at the previous close
    ]);
  });

  it('keeps low ≤ open, close ≤ high when a new minute opens at the previous close', () => {
    const candle = applyTick({ candle: undefined, tick: t(61, 100n), previousClose: 105n });
    expect(candle).toEqual(c(60, 105n, 105n, 100n, 100n));
  });

  it.each([
    [59, 60, 0],
    [60, 60, 60],
    [1_700_000_123, 3_600, 1_699_999_200],
    [1_700_000_123, 86_400, 1_699_920_000],
  ])('bucketStart(%i, %i) = %i', (time, interval, start) => {
    expect(bucketStart(time, interval)).toBe(start);
  });
});

describe('rollUpCandles', () => {
  const minutes = [
    c(0, 10n, 12n, 9n, 11n),
    c(60, 11n, 15n, 10n, 14n),
    c(240, 14n, 14n, 5n, 6n),
    c(300, 6n, 8n, 6n, 7n),
    c(540, 7n, 20n, 7n, 19n),
    c(600, 19n, 19n, 18n, 18n),
  ];

  it('rolls 1m up to 5m: open of the first, close of the last, max high, min low', () => {
    expect(rollUpCandles(minutes, 300)).toEqual([c(0, 10n, 15n, 5n, 6n), c(300, 6n, 20n, 6n, 19n), c(600, 19n, 19n, 18n, 18n)]);
  });

  it('rolls up to 15m and 1h, and keeps the last `limit` buckets ascending', () => {
    expect(rollUpCandles(minutes, 900)).toEqual([c(0, 10n, 20n, 5n, 18n)]);
    expect(rollUpCandles(minutes, 3_600)).toEqual([c(0, 10n, 20n, 5n, 18n)]);
    expect(rollUpCandles(minutes, 60, 2)).toEqual([c(540, 7n, 20n, 7n, 19n), c(600, 19n, 19n, 18n, 18n)]);
  });

  it('1m roll-up is the identity', () => {
    expect(rollUpCandles(minutes, 60)).toEqual(minutes);
  });
});
