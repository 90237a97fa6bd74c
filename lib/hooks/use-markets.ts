'use client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getMarkets } from '@/lib/client/api';
import type { Market } from '@/lib/client/types';
import { queryKeys } from '@/lib/hooks/query-keys';
import { useHydratedQuery } from '@/lib/hooks/use-hydrated';
import { useQueryData } from '@/lib/hooks/use-query-data';
import type { MarketId } from '@/lib/math/ids';

/** `GET /api/markets`; refreshed every 15 s (the stream invalidates it on pool and position events). */
export const marketsQuery = queryOptions({ queryKey: queryKeys.markets, queryFn: ({ signal }) => getMarkets({ signal }), refetchInterval: 15_000 });

/** The markets query with its status (loading, error). Observed app-wide by app/providers.tsx. */
export function useMarkets() {
  return useHydratedQuery(useQuery(marketsQuery), queryKeys.markets);
}

/** The markets' data alone (`undefined` while loading): a cache read, no observer per component (use-query-data.ts). */
export function useMarketsData(): Market[] | undefined {
  return useQueryData<Market[]>(queryKeys.markets);
}

/** One market, or `undefined` while loading / unknown. */
export function useMarket(id: MarketId): Market | undefined {
  return useMarketsData()?.find((m) => m.id === id);
}
