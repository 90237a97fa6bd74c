'use client';
import { useQuery } from '@tanstack/react-query';
import type { PoolId } from '@/lib/math/ids';
import { getLpHistory } from '@/lib/hooks/earn/get-lp-history';

export const lpHistoryKey = (pool: PoolId) => ['lp-history', pool] as const;

/**
 * LP price history of `pool`: `null` when the server has no history route (404), refreshed every minute. `enabled`
 * lets the chart fetch only once it scrolls into view.
 */
export function useLpHistory(pool: PoolId, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: lpHistoryKey(pool),
    enabled,
    queryFn: ({ signal }) => getLpHistory(pool, { signal }),
    refetchInterval: 60_000,
    retry: 1,
  });
}
