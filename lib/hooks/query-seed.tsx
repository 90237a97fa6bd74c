'use client';
/**
 * The server's first answers, rendered into the page's HTML: the root layout reads markets and pools, the trade page
 * its market's day candles, at request time (lib/server/first-answers.ts), and passes them here as props. They go
 * into the query cache before anything below reads it, and they are what every query hook shows while React
 * hydrates (its server snapshot), on the server and in the browser alike, so the HTML holds prices instead of
 * placeholders and hydrating it changes nothing: no fetch at start for what is fresh (staleTime), no re-render and
 * no DOM rewrite when the first answers would have landed (issue 16, /trade's own main-thread share). React
 * Query's `HydrationBoundary` does the same for dehydrated state; this also gives the hooks the hydration-time
 * view (use-query-data.ts, use-hydrated.ts), which a boundary hydrating late needs.
 */
import { hashKey, useQueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';

export interface QuerySeedEntry {
  queryKey: QueryKey;
  /** The app type the query's fetcher returns (bigints included: React serializes them to the client). */
  data: unknown;
  /** Server time of the read, ms: the cache's `dataUpdatedAt`, so staleness counts from when it was read. */
  updatedAtMs: number;
}

const SeedContext = createContext<ReadonlyMap<string, unknown>>(new Map());

/**
 * Puts `entries` into the query cache and, for the hooks below, into the hydration-time view. A query without data
 * is filled during render (nothing reads it yet: this sits above its readers); after commit, as `HydrationBoundary`
 * does, one that holds older data (a client navigation back to a page) is updated, and so is one new entries name
 * (the trade page's candles after `?market=` changed, which keep this mounted).
 */
export function QuerySeed({ entries, children }: { entries: readonly QuerySeedEntry[]; children?: ReactNode }) {
  const client = useQueryClient();
  const parent = useContext(SeedContext);
  const [seeds] = useState(() => {
    const map = new Map(parent);
    for (const e of entries) {
      map.set(hashKey(e.queryKey), e.data);
      if (client.getQueryState(e.queryKey)?.data === undefined) client.setQueryData(e.queryKey, e.data, { updatedAt: e.updatedAtMs });
    }
    return map;
  });
  useEffect(() => {
    for (const e of entries) {
      const state = client.getQueryState(e.queryKey);
      if (state?.data === undefined || state.dataUpdatedAt < e.updatedAtMs) client.setQueryData(e.queryKey, e.data, { updatedAt: e.updatedAtMs });
    }
  }, [client, entries]);
  return <SeedContext.Provider value={seeds}>{children}</SeedContext.Provider>;
}

/** The seeded data of a query (by its key's hash), or `undefined`: what the server rendered for it. */
export function useSeed(queryHash: string): unknown {
  return useContext(SeedContext).get(queryHash);
}
