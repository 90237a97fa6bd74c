import { PRICE_DECIMALS } from '@/lib/math/scales';

/**
 * Pyth's `(price, expo)` (the value is `price × 10^expo`) → the 1e10 scale of protocol.md §1, exactly in bigint:
 * `expo > −10` multiplies by `10^(expo+10)`; `expo < −10` divides by `10^(−10−expo)` rounding **down** (floor; a
 * sub-unit remainder is below 1e−10 USD and a floor never invents value). Returns `undefined` for text that is not
 * an integer, and for a price ≤ 0 (a mark must be positive; Pyth publishes 0 for a feed with no aggregate).
 */
export function pythToPrice(args: { price: string; expo: number }): bigint | undefined {
  if (!/^-?\d{1,78}$/.test(args.price) || !Number.isInteger(args.expo) || Math.abs(args.expo) > 60) return undefined;
  const raw = BigInt(args.price);
  if (raw <= 0n) return undefined;
  const shift = args.expo + PRICE_DECIMALS;
  const scaled = shift >= 0 ? raw * 10n ** BigInt(shift) : raw / 10n ** BigInt(-shift);
  return scaled > 0n ? scaled : undefined;
}
