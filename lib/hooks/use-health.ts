'use client';
import { useQuery } from '@tanstack/react-query';
import { getHealth } from '@/lib/client/api';
import { queryKeys } from '@/lib/hooks/query-keys';
import { useHydratedQuery } from '@/lib/hooks/use-hydrated';

/** `GET /api/health`, refreshed every 10 s (oracle staleness banner, local-network switch). */
export function useHealth() {
  return useHydratedQuery(useQuery({ queryKey: queryKeys.health, queryFn: ({ signal }) => getHealth({ signal }), refetchInterval: 10_000 }));
}

/** Whether the local network is on (faucet, burner wallet). `undefined` while unknown. */
export function useDevnet(): boolean | undefined {
  return useHealth().data?.devnet;
}
