/**
 * Sentences from the engine and the API carry exact figures ("Price $114.360994755 is above your acceptable
 * price"). On screen each dollar figure reads as the rest of the screen does: a market's own price digits when the
 * market is known and shows more than cents (BONK, XAG), else 2 decimals from $1 and 4 significant digits below it;
 * whole dollars stay whole ("$10"). Never fewer than cents: the same sentence may hold USD amounts.
 * Rounded on the bigint, never through a float.
 */
import { digitsForSignificant, formatFixed } from '@/lib/format/fixed';
import { PRICE_DIGITS } from '@/lib/format/price';
import type { MarketId } from '@/lib/math/ids';

/** "$" then digits with optional "," groups, then a fraction. Not preceded by a word character or another digit. */
const DOLLAR_FIGURE = /(-?)\$(\d{1,3}(?:,\d{3})+|\d+)\.(\d+)/g;

function tidyFigure(intPart: string, frac: string, market: MarketId | undefined): string {
  const decimals = frac.length;
  const value = BigInt(intPart.replace(/,/g, '') + frac);
  const digits = market ? PRICE_DIGITS[market] : digitsForSignificant(value, decimals, { sig: 4, min: 2, max: 10 });
  if (digits >= decimals && decimals >= 2) return formatFixed(value, decimals, { digits: decimals });
  const text = formatFixed(value, decimals, { digits: Math.max(2, digits) });
  // Without a market, a small figure keeps its significant digits but no trailing zeros past the cents ("$0.25").
  return market ? text : text.replace(/(\.\d{2}\d*?)0+$/, '$1');
}

/** `tidyMessage("Price $114.360994755 moved past $114.0")` → `"Price $114.36 moved past $114.00"`. */
export function tidyMessage(message: string, { market }: { market?: MarketId | undefined } = {}): string {
  return message.replace(DOLLAR_FIGURE, (_all, sign: string, intPart: string, frac: string) => `${sign}$${tidyFigure(intPart, frac, market)}`);
}
