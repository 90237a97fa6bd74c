'use client';
import { useQuery } from '@tanstack/react-query';
import { getHistory } from '@/lib/client/api';
import { queryKeys } from '@/lib/hooks/query-keys';
import { useHydratedQuery } from '@/lib/hooks/use-hydrated';
import { useOwner } from '@/lib/hooks/use-owner';

/** The connected wallet's history (`GET /api/history/{owner}`); disabled without a wallet. */
export function useHistory() {
  const owner = useOwner();
  return useHydratedQuery(
    useQuery({
      queryKey: queryKeys.history(owner ?? ''),
      queryFn: ({ signal }) => getHistory(owner as string, { signal }),
      enabled: owner !== undefined,
    }),
  );
}
