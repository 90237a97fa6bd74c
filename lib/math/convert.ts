/**
 * Token ↔ USD conversions of protocol.md §1: `usd = amount × price / 10^(dec + 4)` and
 * `tokens = usd × 10^(dec + 4) / price` (4 = PRICE_DECIMALS − USD_DECIMALS). Both are exact rationals; the
 * caller states the rounding (what the pool receives or locks: ceil; what it credits or pays: floor).
 */
import { mulDiv } from './bigmath';
import type { Rounding } from './bigmath';
import { ProtocolError } from './errors';
import { PRICE_DECIMALS, USD_DECIMALS, pow10 } from './scales';

const PRICE_TO_USD_DECIMALS = PRICE_DECIMALS - USD_DECIMALS;

/** `amount × price / 10^(decimals + 4)` in USD (6 decimals), rounded as asked. */
export function tokenToUsd({ amount, price, decimals }: { amount: bigint; price: bigint; decimals: number }, rounding: Rounding): bigint {
  return mulDiv(amount, price, pow10(decimals + PRICE_TO_USD_DECIMALS), rounding);
}

/** `usd × 10^(decimals + 4) / price` in token units, rounded as asked. Throws INVALID_PRICE when price ≤ 0. */
export function usdToTokens({ usd, price, decimals }: { usd: bigint; price: bigint; decimals: number }, rounding: Rounding): bigint {
  assertPositivePrice(price);
  return mulDiv(usd, pow10(decimals + PRICE_TO_USD_DECIMALS), price, rounding);
}

/** Refuses a price that is zero or negative: no oracle answer may be used as one. */
export function assertPositivePrice(price: bigint): void {
  if (price <= 0n) throw new ProtocolError('INVALID_PRICE', 'The oracle has no usable price for this token right now; try again in a moment.');
}
