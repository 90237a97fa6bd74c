'use client';
import { useQuery } from '@tanstack/react-query';
import { getPools } from '@/lib/client/api';
import type { Pool } from '@/lib/client/types';
import { queryKeys } from '@/lib/hooks/query-keys';
import { useHydratedQuery } from '@/lib/hooks/use-hydrated';
import type { PoolId } from '@/lib/math/ids';

/** `GET /api/pools`; refreshed every 15 s and on `pool` stream events. */
export function usePools() {
  return useHydratedQuery(useQuery({ queryKey: queryKeys.pools, queryFn: ({ signal }) => getPools({ signal }), refetchInterval: 15_000 }), queryKeys.pools);
}

export function usePool(id: PoolId): Pool | undefined {
  return usePools().data?.find((p) => p.id === id);
}
