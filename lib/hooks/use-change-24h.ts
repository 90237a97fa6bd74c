'use client';
import { useQueries } from '@tanstack/react-query';
import { getCandles } from '@/lib/client/api';
import type { Market } from '@/lib/client/types';
import { queryKeys } from '@/lib/hooks/query-keys';
import { useHydrated } from '@/lib/hooks/use-hydrated';
import type { MarketId } from '@/lib/math/ids';

/**
 * The reference price 24 hours ago per market: `price24hAgo` from /api/markets when the API gives it, otherwise
 * the open of the oldest of the last 24 one-hour candles (refreshed every 5 minutes).
 */
export function usePrice24hAgo(markets: Market[] | undefined): Partial<Record<MarketId, bigint>> {
  const hydrated = useHydrated();
  const missing = (markets ?? []).filter((m) => m.price24hAgo === undefined).map((m) => m.id);
  const candleQueries = useQueries({
    queries: missing.map((market) => ({
      queryKey: queryKeys.candles(market, '1h', 24),
      queryFn: ({ signal }: { signal: AbortSignal }) => getCandles({ market, interval: '1h', limit: 24 }, { signal }),
      staleTime: 300_000,
      refetchInterval: 300_000,
    })),
  });
  const out: Partial<Record<MarketId, bigint>> = {};
  if (!hydrated) return out;
  for (const m of markets ?? []) if (m.price24hAgo !== undefined) out[m.id] = m.price24hAgo;
  missing.forEach((id, i) => {
    const first = candleQueries[i]?.data?.[0];
    if (first) out[id] = first.open;
  });
  return out;
}
