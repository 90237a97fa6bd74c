import type { OraclePrice } from './types';

/** One OHLC candle in 1e10 prices; `time` is the bucket start in unix seconds. */
export interface Candle {
  readonly time: number;
  readonly open: bigint;
  readonly high: bigint;
  readonly low: bigint;
  readonly close: bigint;
}

/** The intervals of `GET /api/candles` (api.md), in seconds. Everything is rolled up from stored 1m candles. */
export const CANDLE_INTERVALS = { '1m': 60, '5m': 300, '15m': 900, '1h': 3_600, '4h': 14_400, '1d': 86_400 } as const;
export type CandleInterval = keyof typeof CANDLE_INTERVALS;
export const CANDLE_LIMIT_DEFAULT = 300;
export const CANDLE_LIMIT_MAX = 1_000;

export const isCandleInterval = (v: unknown): v is CandleInterval =>
  typeof v === 'string' && Object.hasOwn(CANDLE_INTERVALS, v);

/** Start of the bucket of `intervalS` seconds holding `timeS` (buckets are aligned on the unix epoch, UTC). */
export function bucketStart(timeS: number, intervalS: number): number {
  return Math.floor(timeS / intervalS) * intervalS;
}

/**
 * Folds one tick into the candle of its minute. A new candle opens at the previous close when one is known (so
 * consecutive candles join up) and always keeps `low ≤ open, close ≤ high`.
 */
export function applyTick(args: { candle: Candle | undefined; tick: OraclePrice; previousClose?: bigint }): Candle {
  const { candle, tick } = args;
  if (candle === undefined) {
    const open = args.previousClose ?? tick.price;
    return {
      time: bucketStart(tick.publishTime, 60),
      open,
      high: open > tick.price ? open : tick.price,
      low: open < tick.price ? open : tick.price,
      close: tick.price,
    };
  }
  return {
    time: candle.time,
    open: candle.open,
    high: tick.price > candle.high ? tick.price : candle.high,
    low: tick.price < candle.low ? tick.price : candle.low,
    close: tick.price,
  };
}

/** Builds 1m candles from ticks in time order (the reference for the SQL roll-up; used by tests and backfills). */
export function candlesFromTicks(ticks: readonly OraclePrice[]): Candle[] {
  const out: Candle[] = [];
  for (const tick of ticks) {
    const last = out.at(-1);
    if (last !== undefined && last.time === bucketStart(tick.publishTime, 60)) {
      out[out.length - 1] = applyTick({ candle: last, tick });
    } else {
      out.push(applyTick({ candle: undefined, tick, previousClose: last?.close }));
    }
  }
  return out;
}

/**
 * Rolls ascending 1m candles up to `intervalS`: open of the first, close of the last, max high, min low; the
 * result is ascending and keeps the last `limit` buckets.
 */
export function rollUpCandles(candles: readonly Candle[], intervalS: number, limit = CANDLE_LIMIT_MAX): Candle[] {
  const out: Candle[] = [];
  for (const c of candles) {
    const time = bucketStart(c.time, intervalS);
    const last = out.at(-1);
    if (last !== undefined && last.time === time) {
      out[out.length - 1] = {
        time,
        open: last.open,
        high: c.high > last.high ? c.high : last.high,
        low: c.low < last.low ? c.low : last.low,
        close: c.close,
      };
    } else {
      out.push({ ...c, time });
    }
  }
  return out.slice(-limit);
}
