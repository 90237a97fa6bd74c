'use client';
/**
 * A query's cached data without a query observer of its own: one `useSyncExternalStore` read of the query cache
 * (the data's reference, so a component re-renders only when the data changes, not on fetch-state changes). For
 * hooks many components call per render (a market's price, the server clock): a `useQuery` each would be an
 * observer each (options defaulted and the key hashed on every render, a subscription and a refetch timer per
 * component), the main cost of a price tick and of the trade screen's first render on a phone (issue 8).
 *
 * While React hydrates: what the server rendered, the seeded first answer (query-seed.tsx) or `undefined` (the
 * server fetches nothing else). Somebody must observe the query so that it fetches and refreshes:
 * app/providers.tsx mounts the observers of the app-wide queries.
 */
import { hashKey, useQueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { useSeed } from '@/lib/hooks/query-seed';

export function useQueryData<T>(queryKey: QueryKey): T | undefined {
  const client = useQueryClient();
  const hash = hashKey(queryKey);
  const subscribe = useCallback(
    (onChange: () => void) =>
      client.getQueryCache().subscribe((event) => {
        if (event.query.queryHash === hash) onChange();
      }),
    [client, hash],
  );
  const read = useCallback(() => client.getQueryCache().get<T>(hash)?.state.data, [client, hash]);
  const seed = useSeed(hash) as T | undefined;
  const seeded = useCallback(() => seed, [seed]);
  return useSyncExternalStore(subscribe, read, seeded);
}
