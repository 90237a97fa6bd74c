'use client';
import { useQuery } from '@tanstack/react-query';
import { getAccount } from '@/lib/client/api';
import { queryKeys } from '@/lib/hooks/query-keys';
import { useHydratedQuery } from '@/lib/hooks/use-hydrated';
import { useOwner } from '@/lib/hooks/use-owner';

/**
 * The connected wallet's account (`GET /api/accounts/{owner}`): balances, LP, positions (PnL at the current price),
 * orders. Disabled without a wallet. Refreshed every 5 s so PnL and borrow fees move; stream events invalidate it.
 */
export function useAccount() {
  const owner = useOwner();
  return useHydratedQuery(
    useQuery({
      queryKey: queryKeys.account(owner ?? ''),
      queryFn: ({ signal }) => getAccount(owner as string, { signal }),
      enabled: owner !== undefined,
      refetchInterval: 5_000,
    }),
  );
}
