'use client';
import { useSyncExternalStore } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';

const subscribe = () => () => undefined;

/**
 * `false` while React hydrates server HTML (it reads the server snapshot then), `true` afterwards and on every
 * client-only render. Query hooks use it so that a Suspense boundary hydrating late renders what the server
 * rendered, even if the shared query cache has filled in meanwhile (otherwise: hydration mismatch).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/** A query result as the server rendered it (pending, no data) until hydration is over. */
export function useHydratedQuery<R extends UseQueryResult<unknown, Error>>(result: R): R {
  const hydrated = useHydrated();
  if (hydrated) return result;
  return { ...result, data: undefined, status: 'pending', isPending: true, isLoading: true, isSuccess: false, isError: false, error: null } as unknown as R;
}
