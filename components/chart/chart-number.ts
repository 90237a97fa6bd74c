import { fixedToChartNumber } from '@/lib/format/chart';
import { PRICE_DECIMALS } from '@/lib/math/scales';

/** A price (1e10) as the chart's number (display only; see lib/format/chart.ts). */
export function priceToChartNumber(price: bigint): number {
  return fixedToChartNumber(price, PRICE_DECIMALS);
}

export const INTERVAL_SECONDS = { '1m': 60, '5m': 300, '15m': 900, '1h': 3_600, '4h': 14_400, '1d': 86_400 } as const;
