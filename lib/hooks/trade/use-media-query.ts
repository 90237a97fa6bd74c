'use client';
/** Whether a CSS media query matches; `false` on the server and during hydration (useSyncExternalStore). */
import { useCallback, useSyncExternalStore } from 'react';

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** The desktop trade layout (ticket beside the chart) from 1024 px, as GMX switches to a bottom sheet below it. */
export const DESKTOP_QUERY = '(min-width: 1024px)';
