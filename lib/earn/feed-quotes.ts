/**
 * The prices an LP preview needs per custody: mid, `low` (what deposits and custody values use) and `high` (what
 * withdrawals pay at), protocol.md §2. The pools endpoint may carry them per custody; otherwise they come from the
 * markets endpoint through the token's feed (WBTC is priced by BTC). USDC is $1 exactly, band 0 (§1).
 */
import type { Custody, Market } from '@/lib/client/types';
import type { FeedId, TokenId } from '@/lib/math/ids';
import { MARKETS, TOKENS } from '@/lib/math/params';
import { PRICE_ONE } from '@/lib/math/scales';

export interface FeedQuote {
  price: bigint;
  low: bigint;
  high: bigint;
}

export type FeedQuotes = Partial<Record<FeedId, FeedQuote>>;

export const USDC_QUOTE: FeedQuote = { price: PRICE_ONE, low: PRICE_ONE, high: PRICE_ONE };

/** Mid, low and high per feed from the markets list (each market has one feed), plus USDC at $1. */
export function feedQuotesFromMarkets(markets: readonly Pick<Market, 'id' | 'price' | 'low' | 'high'>[]): FeedQuotes {
  const quotes: FeedQuotes = { USDC: USDC_QUOTE };
  for (const market of markets) {
    quotes[MARKETS[market.id].feed] = { price: market.price, low: market.low, high: market.high };
  }
  return quotes;
}

/** The quote for one custody's token: its own prices when the API sent them, else its feed's, else undefined. */
export function custodyQuote(
  custody: Pick<Custody, 'token' | 'price' | 'low' | 'high'>,
  quotes: FeedQuotes,
): FeedQuote | undefined {
  if (custody.token === 'USDC') return USDC_QUOTE;
  if (custody.price !== undefined && custody.low !== undefined && custody.high !== undefined) {
    return { price: custody.price, low: custody.low, high: custody.high };
  }
  return quotes[TOKENS[custody.token].feed];
}

export function tokenFeed(token: TokenId): FeedId {
  return TOKENS[token].feed;
}
