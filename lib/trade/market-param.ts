import { isMarketId, type MarketId } from '@/lib/math/ids';

/** The trade screen's market when `?market=` names none. */
export const DEFAULT_MARKET: MarketId = 'SOL';

/** The market `?market=` selects (any case), else DEFAULT_MARKET: the same on the server (first answers) and in the browser. */
export function marketFromParam(raw: string | null | undefined): MarketId {
  const upper = raw?.toUpperCase();
  return isMarketId(upper) ? upper : DEFAULT_MARKET;
}
