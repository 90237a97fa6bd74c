/**
 * Fixed-point scales of protocol.md §1. Every money, price, size, rate and amount is a `bigint` integer in one of
 * these scales; token amounts use the token's own decimals (params.ts `TOKENS`).
 */

/** Prices carry 10 decimals: $150.25 = 1_502_500_000_000n. */
export const PRICE_DECIMALS = 10;
/** USD amounts carry 6 decimals: $10 = 10_000_000n. */
export const USD_DECIMALS = 6;
/** Rates and cumulative interest carry 9 decimals: 1e9 = 100%. */
export const RATE_DECIMALS = 9;
/** LP tokens (ALP, RWALP) carry 6 decimals. */
export const LP_DECIMALS = 6;

/** Basis points: 10_000n = 100%; leverage 10_000n = 1x. */
export const BPS = 10_000n;
/** One of each scale: 100% of a rate, $1, a price of $1, one LP token. */
export const RATE_ONE = 10n ** 9n;
export const USD_ONE = 10n ** 6n;
export const PRICE_ONE = 10n ** 10n;
export const LP_ONE = 10n ** 6n;
export const SECONDS_PER_HOUR = 3_600n;

/** 10^n as a bigint, for a non-negative integer `n` (decimals are plain numbers: they are counts, not money). */
export function pow10(n: number): bigint {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`pow10 needs a non-negative integer, got ${n}`);
  return 10n ** BigInt(n);
}
