'use client';
import { useSyncExternalStore } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';

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

/** What the server rendered for a query: no data, loading if enabled (the server never fetches; queries are enabled there unless owner-bound). */
const LOADING = 'loading';
const IDLE = 'idle';
type View = typeof LOADING | typeof IDLE | UseQueryResult<unknown, Error>;

/** A pending result, fetching or idle, shows exactly what the server rendered (no data; loading iff fetching), so it is a token. */
function viewOf(result: UseQueryResult<unknown, Error>): View {
  if (result.status !== 'pending' || result.fetchStatus === 'paused') return result;
  return result.fetchStatus === 'idle' ? IDLE : LOADING;
}

/**
 * A query result as the server rendered it (pending, no data) while React hydrates, so that a Suspense boundary
 * hydrating late renders what the server rendered even if the shared query cache has filled in meanwhile
 * (otherwise: hydration mismatch); the real result afterwards and on every client-only render.
 *
 * The hydration-time view is a `useSyncExternalStore` snapshot: when it equals the real one (the query is still
 * pending, as on every first load), React has nothing to re-render after hydrating. Only a result that has data or
 * an error by then re-renders (synchronously: React's rule for a changed snapshot), as it must.
 */
export function useHydratedQuery<R extends UseQueryResult<unknown, Error>>(result: R): R {
  const view = viewOf(result);
  const shown = useSyncExternalStore(
    subscribe,
    () => view,
    () => (typeof view === 'string' ? view : LOADING),
  );
  if (typeof shown !== 'string' || typeof view === 'string') return result;
  return { ...result, data: undefined, status: 'pending', isPending: true, isLoading: shown === LOADING, isSuccess: false, isError: false, error: null } as unknown as R;
}
