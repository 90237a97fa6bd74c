/**
 * 24-hour statistics of the market bar, from candles (`/api/candles`, 1h or 1m): change against the first open
 * inside the window, high and low over the window with the live price folded in. Pure and exact (bigint).
 */
import { divFloor } from '@/lib/math/bigmath';
import { BPS } from '@/lib/math/scales';

/** The candles the market bar reads (lib/hooks/trade/use-day-stats.ts; the trade page renders them first: lib/server/first-answers.ts). */
export const DAY_CANDLES = { interval: '1h', limit: 24 } as const;

export interface CandleLike {
  /** Bucket start, unix seconds. */
  time: number;
  open: bigint;
  high: bigint;
  low: bigint;
  close: bigint;
}

export interface DayStats {
  /** The price the window opened at. */
  openPrice: bigint;
  highPrice: bigint;
  lowPrice: bigint;
  /** `floor((price − open) × 10000 / open)` in bps, signed. */
  changeBps: bigint;
}

const DAY_S = 86_400;

/** Stats over the candles that start within 24 h before `nowS`; undefined when there are none. */
export function dayStats({ candles, price, nowS }: { candles: readonly CandleLike[]; price: bigint; nowS: number }): DayStats | undefined {
  const inWindow = candles.filter((c) => c.time > nowS - DAY_S);
  const first = inWindow[0];
  if (!first || first.open <= 0n) return undefined;
  let highPrice = price;
  let lowPrice = price;
  for (const c of inWindow) {
    if (c.high > highPrice) highPrice = c.high;
    if (c.low < lowPrice) lowPrice = c.low;
  }
  return { openPrice: first.open, highPrice, lowPrice, changeBps: changeBps({ from: first.open, to: price }) };
}

/** Signed change in bps from `from` to `to`, floored toward −∞; 0 when `from` ≤ 0. */
export function changeBps({ from, to }: { from: bigint; to: bigint }): bigint {
  if (from <= 0n) return 0n;
  return divFloor((to - from) * BPS, from);
}
