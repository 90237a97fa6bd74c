'use client';
/** The selected market's own price is stale (the app-wide banner covers a stale oracle): opening and closing are refused. */
import { useMarket } from '@/lib/hooks/use-markets';
import type { MarketId } from '@/lib/math/ids';

export function MarketStaleBanner({ market }: { market: MarketId }) {
  const m = useMarket(market);
  if (!m?.stale) return null;
  return (
    <div role="status" data-testid="market-stale" className="border-b border-warn/40 bg-warn-soft px-4 py-2 text-center text-sm text-warn">
      The {market} price is stale. Orders on this market are refused until a fresh price arrives.
    </div>
  );
}
