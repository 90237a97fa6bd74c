'use client';
import { useQuery } from '@tanstack/react-query';
import { getMarkets } from '@/lib/client/api';
import type { Market } from '@/lib/client/types';
import { queryKeys } from '@/lib/hooks/query-keys';
import { useHydratedQuery } from '@/lib/hooks/use-hydrated';
import type { MarketId } from '@/lib/math/ids';

/** `GET /api/markets`; refreshed every 15 s (the stream invalidates it on pool and position events). */
export function useMarkets() {
  return useHydratedQuery(useQuery({ queryKey: queryKeys.markets, queryFn: ({ signal }) => getMarkets({ signal }), refetchInterval: 15_000 }));
}

/** One market from `useMarkets`, or `undefined` while loading / unknown. */
export function useMarket(id: MarketId): Market | undefined {
  return useMarkets().data?.find((m) => m.id === id);
}
