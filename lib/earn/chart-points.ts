/**
 * LP history → the series of the LP price chart. Display only: lightweight-charts draws floats, so this is the one
 * place on the earn screen where a fixed-point value becomes a `number`, through its decimal text (never through
 * float arithmetic on money). Points are sorted and de-duplicated by time (the chart requires strictly increasing
 * times).
 */
import type { LpHistoryPoint } from '@/lib/hooks/earn/get-lp-history';
import { formatFixed } from '@/lib/format/fixed';
import { USD_DECIMALS } from '@/lib/math/scales';

export interface ChartPoint {
  time: number;
  value: number;
}

export function fixedToChartNumber(value: bigint, decimals: number): number {
  return Number.parseFloat(formatFixed(value, decimals, { digits: decimals, group: false }));
}

export function lpPriceSeries(points: readonly LpHistoryPoint[]): ChartPoint[] {
  const byTime = new Map<number, bigint>();
  for (const p of points) byTime.set(p.time, p.lpPriceUsd);
  return [...byTime.entries()]
    .sort(([a], [b]) => a - b)
    .map(([time, lpPriceUsd]) => ({ time, value: fixedToChartNumber(lpPriceUsd, USD_DECIMALS) }));
}
