'use client';
import { useSyncExternalStore } from 'react';
import { hashKey } from '@tanstack/react-query';
import type { QueryKey, UseQueryResult } from '@tanstack/react-query';
import { useSeed } from '@/lib/hooks/query-seed';

const subscribe = () => () => undefined;

/**
 * `false` while React hydrates server HTML (it reads the server snapshot then), `true` afterwards and on every
 * client-only render. Note: a component reading it re-renders synchronously right after hydrating (the snapshot
 * changes); query hooks use `useHydratedQuery`, which does not.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/** What the server rendered for a query: its seeded first answer (query-seed.tsx), else no data, loading if enabled (queries are enabled there unless owner-bound). */
const LOADING = 'loading';
const IDLE = 'idle';
const SEEDED = 'seeded';
type View = typeof LOADING | typeof IDLE | typeof SEEDED | UseQueryResult<unknown, Error>;

/** A pending result, fetching or idle, shows exactly what the server rendered (no data; loading iff fetching), and so does one still holding the seeded data: tokens. */
function viewOf(result: UseQueryResult<unknown, Error>, seed: unknown): View {
  if (seed !== undefined && result.data === seed) return SEEDED;
  if (result.status !== 'pending' || result.fetchStatus === 'paused') return result;
  return result.fetchStatus === 'idle' ? IDLE : LOADING;
}

/**
 * A query result as the server rendered it while React hydrates: the seeded first answer where the page has one
 * (`queryKey` given and seeded), else pending with no data. So a Suspense boundary hydrating late renders what the
 * server rendered even if the shared query cache has moved on meanwhile (otherwise: hydration mismatch); the real
 * result afterwards and on every client-only render.
 *
 * The hydration-time view is a `useSyncExternalStore` snapshot: when it equals the real one (the query still
 * pending, or still holding its seed, as on every first load), React has nothing to re-render after hydrating.
 * Only a result that has changed by then re-renders (synchronously: React's rule for a changed snapshot), as it must.
 */
export function useHydratedQuery<R extends UseQueryResult<unknown, Error>>(result: R, queryKey?: QueryKey): R {
  const seed = useSeed(queryKey ? hashKey(queryKey) : '');
  const view = viewOf(result, seed);
  const shown = useSyncExternalStore(
    subscribe,
    () => view,
    () => (seed !== undefined ? SEEDED : typeof view === 'string' ? view : LOADING),
  );
  if (shown === SEEDED) {
    if (result.data === seed) return result;
    return { ...result, data: seed, status: 'success', isPending: false, isLoading: false, isSuccess: true, isError: false, error: null } as unknown as R;
  }
  if (typeof shown !== 'string' || typeof view === 'string') return result;
  return { ...result, data: undefined, status: 'pending', isPending: true, isLoading: shown === LOADING, isSuccess: false, isError: false, error: null } as unknown as R;
}
