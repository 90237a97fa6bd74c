/** Price display (prices in 1e10, protocol.md §1). */
import { digitsForSignificant, formatFixed } from '@/lib/format/fixed';
import type { MarketId } from '@/lib/math/ids';

const PRICE_DECIMALS = 10;

/**
 * Fraction digits per market, as Adrena/GMX show them: SOL $150.25, BTC $95,000.5, BONK $0.00002345, gold
 * $2,650.40, silver $31.245, oil $70.12.
 */
export const PRICE_DIGITS: Record<MarketId, number> = { SOL: 2, BTC: 1, BONK: 8, XAU: 2, XAG: 3, WTI: 2 };

export interface PriceOptions {
  market?: MarketId;
  /** Include the "$" (default true). */
  dollar?: boolean;
}

/**
 * `formatPrice(1_502_500_000_000n, {market: 'SOL'})` → `"$150.25"`. Without a market: 2 digits at or above $1,
 * otherwise 4 significant digits (at most 10).
 */
export function formatPrice(price: bigint, { market, dollar = true }: PriceOptions = {}): string {
  const digits = market ? PRICE_DIGITS[market] : digitsForSignificant(price, PRICE_DECIMALS, { sig: 4, min: 2, max: 10 });
  const s = formatFixed(price, PRICE_DECIMALS, { digits });
  if (!dollar) return s;
  return s.startsWith('-') ? `-$${s.slice(1)}` : `$${s}`;
}

/** Price as a plain decimal for an input field ("150.25"), no grouping or "$", trailing zeros trimmed. */
export function priceToInput(price: bigint, { market }: { market?: MarketId } = {}): string {
  const digits = market ? PRICE_DIGITS[market] : digitsForSignificant(price, PRICE_DECIMALS, { sig: 6, min: 2, max: 10 });
  return formatFixed(price, PRICE_DECIMALS, { digits, trim: true, group: false });
}
