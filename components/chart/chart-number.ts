/**
 * lightweight-charts draws with JavaScript numbers: this is the one place where a price (1e10 fixed point) becomes
 * a `number`, for drawing only (like lib/format for text). Nothing computed from it goes back into money.
 */
import { formatFixed } from '@/lib/format';
import { PRICE_DECIMALS } from '@/lib/math/scales';

export function priceToChartNumber(price: bigint): number {
  return Number(formatFixed(price, PRICE_DECIMALS, { digits: PRICE_DECIMALS, group: false }));
}

export const INTERVAL_SECONDS = { '1m': 60, '5m': 300, '15m': 900, '1h': 3_600, '4h': 14_400, '1d': 86_400 } as const;
