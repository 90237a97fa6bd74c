/**
 * LP history → the series of the LP price chart (display only: the number comes from lib/format/chart.ts). Points
 * are sorted and de-duplicated by time (the chart requires strictly increasing times).
 */
import type { LpHistoryPoint } from '@/lib/hooks/earn/get-lp-history';
import { fixedToChartNumber } from '@/lib/format/chart';
import { USD_DECIMALS } from '@/lib/math/scales';

export interface ChartPoint {
  time: number;
  value: number;
}

export function lpPriceSeries(points: readonly LpHistoryPoint[]): ChartPoint[] {
  const byTime = new Map<number, bigint>();
  for (const p of points) byTime.set(p.time, p.lpPriceUsd);
  return [...byTime.entries()]
    .sort(([a], [b]) => a - b)
    .map(([time, lpPriceUsd]) => ({ time, value: fixedToChartNumber(lpPriceUsd, USD_DECIMALS) }));
}
