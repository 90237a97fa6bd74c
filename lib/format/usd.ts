/** USD display (amounts in 1e6, protocol.md §1). */
import { formatFixed, roundToDigits } from '@/lib/format/fixed';

const USD_DECIMALS = 6;

export interface UsdOptions {
  /** Fraction digits (default 2). */
  digits?: number;
  /** Prefix "+" on positive values (PnL). */
  sign?: boolean;
  /** 1.23K / 4.56M / 7.89B above $10,000. */
  compact?: boolean;
}

const UNITS: [bigint, string][] = [
  [1_000_000_000n * 1_000_000n, 'B'],
  [1_000_000n * 1_000_000n, 'M'],
  [1_000n * 1_000_000n, 'K'],
];

/** `formatUsd(1_234_560_000n)` → `"$1,234.56"`; negative → `"-$1,234.56"`; `{sign: true}` → `"+$1,234.56"`. */
export function formatUsd(usd: bigint, { digits = 2, sign = false, compact = false }: UsdOptions = {}): string {
  const rounded = roundToDigits(usd, USD_DECIMALS, digits);
  const neg = rounded < 0n;
  const abs = usd < 0n ? -usd : usd;
  let body = formatFixed(abs, USD_DECIMALS, { digits });
  if (compact && abs >= 10_000n * 1_000_000n) {
    for (const [unit, suffix] of UNITS) {
      if (abs >= unit) {
        // abs / unit with 2 fraction digits: rescale so the unit becomes 10^6.
        body = formatFixed((abs * 1_000_000n) / unit, USD_DECIMALS, { digits: 2 }) + suffix;
        break;
      }
    }
  }
  const prefix = neg ? '-' : sign && rounded > 0n ? '+' : '';
  return `${prefix}$${body}`;
}

/**
 * A cost per period: `formatUsdPer(480_000n, 'day')` → `"$0.48/day"`; a real but sub-cent cost reads `"<$0.01/h"`,
 * never `"$0.00/h"`; zero reads `"$0.00/h"`.
 */
export function formatUsdPer(usd: bigint, unit: 'h' | 'day'): string {
  if (usd > 0n && usd < 5_000n) return `<$0.01/${unit}`;
  return `${formatUsd(usd)}/${unit}`;
}
