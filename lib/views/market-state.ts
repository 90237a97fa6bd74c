import type { MarketId } from '@/lib/math/ids';
import { isMarketOpen, nextOpenS } from '@/lib/math/market-hours';

/** Whether a market trades now and, when closed, when it reopens (unix seconds, §3). */
export function marketOpenState(market: MarketId, nowS: number): { open: boolean; reopensAt: number | null } {
  const open = isMarketOpen(market, nowS);
  return { open, reopensAt: open ? null : nextOpenS(market, nowS) };
}
