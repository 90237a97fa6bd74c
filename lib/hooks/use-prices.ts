'use client';
import { useMarketsData } from '@/lib/hooks/use-markets';
import { usePriceStore } from '@/lib/state/prices';
import type { FeedId, MarketId } from '@/lib/math/ids';

export interface LivePrice {
  price: bigint;
  publishTime: number;
  /** `stream` when the tick came over SSE, `markets` when it is the last `/api/markets` value. */
  source: 'stream' | 'markets';
}

/** Markets are priced by the feed of the same id (protocol.md §3; WBTC custody uses the BTC feed). */
const marketOfFeed = (feed: FeedId): MarketId | undefined => (feed === 'USDC' ? undefined : feed);

/**
 * Latest mid price of a feed: the newer of the stream tick and the markets answer. `live: false` (what is out of
 * sight) reads the markets answer alone, so ticks do not re-render it.
 */
export function usePrice(feed: FeedId, { live = true }: { live?: boolean } = {}): LivePrice | undefined {
  const tick = usePriceStore((s) => (live ? s.ticks[feed] : undefined));
  const market = useMarketsData()?.find((m) => m.id === marketOfFeed(feed));
  if (tick && (!market || tick.publishTime >= market.publishTime)) return { price: tick.price, publishTime: tick.publishTime, source: 'stream' };
  if (market) return { price: market.price, publishTime: market.publishTime, source: 'markets' };
  if (feed === 'USDC') return { price: 10_000_000_000n, publishTime: 0, source: 'markets' };
  return undefined;
}

/** Latest mid price of every market (stream first, markets as fallback). */
export function usePrices(): Partial<Record<MarketId, LivePrice>> {
  const ticks = usePriceStore((s) => s.ticks);
  const markets = useMarketsData();
  const out: Partial<Record<MarketId, LivePrice>> = {};
  for (const m of markets ?? []) {
    const tick = ticks[m.id];
    out[m.id] =
      tick && tick.publishTime >= m.publishTime
        ? { price: tick.price, publishTime: tick.publishTime, source: 'stream' }
        : { price: m.price, publishTime: m.publishTime, source: 'markets' };
  }
  for (const [feed, tick] of Object.entries(ticks)) {
    const id = marketOfFeed(feed as FeedId);
    if (id && !out[id] && tick) out[id] = { price: tick.price, publishTime: tick.publishTime, source: 'stream' };
  }
  return out;
}
