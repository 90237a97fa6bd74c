import { formatFixed } from '@/lib/format/fixed';

/**
 * lightweight-charts draws with JavaScript numbers: this is the one place where a fixed-point value (a price in
 * 1e10, an LP price in 1e6) becomes a `number`, through its exact decimal text, for drawing only. Nothing computed
 * from it goes back into money.
 */
export function fixedToChartNumber(value: bigint, decimals: number): number {
  return Number.parseFloat(formatFixed(value, decimals, { digits: decimals, group: false }));
}
