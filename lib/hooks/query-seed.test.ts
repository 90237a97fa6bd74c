/**
 * The first answers rendered into the page (query-seed.tsx): on the server render (which is also what the browser
 * shows while it hydrates: the hooks' server snapshot), readers below a seed see its data, the cache holds it with
 * the server's read time, and a query's own observer starts from it.
 */
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { createElement, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { QuerySeed, type QuerySeedEntry } from './query-seed';
import { queryKeys } from './query-keys';
import { useHydratedQuery } from './use-hydrated';
import { useQueryData } from './use-query-data';

const SEEDED_AT_MS = 1_700_000_000_000;
const markets = [{ id: 'SOL', price: 1_323_000_000_000n }];

function DataReader() {
  const data = useQueryData<typeof markets>(queryKeys.markets);
  return createElement('p', null, data ? `price ${data[0]?.price.toString()}` : 'no data');
}

function ObserverReader({ queryKey }: { queryKey: readonly string[] }) {
  const result = useHydratedQuery(useQuery({ queryKey, queryFn: () => Promise.resolve(['fetched']), staleTime: 3_000 }), queryKey);
  return createElement('p', null, `${result.status} ${JSON.stringify(result.data ?? null)}`);
}

function render(client: QueryClient, entries: readonly QuerySeedEntry[], child: ReactNode): string {
  return renderToString(createElement(QueryClientProvider, { client }, createElement(QuerySeed, { entries }, child)));
}

describe('QuerySeed', () => {
  it('renders seeded data and puts it in the cache at the read time', () => {
    const client = new QueryClient();
    const html = render(client, [{ queryKey: queryKeys.markets, data: markets, updatedAtMs: SEEDED_AT_MS }], createElement(DataReader));
    expect(html).toBe('<p>price 1323000000000</p>');
    expect(client.getQueryData(queryKeys.markets)).toBe(markets);
    expect(client.getQueryState(queryKeys.markets)?.dataUpdatedAt).toBe(SEEDED_AT_MS);
  });

  it('renders no data where nothing is seeded, as before', () => {
    expect(render(new QueryClient(), [], createElement(DataReader))).toBe('<p>no data</p>');
  });

  it.each([
    { name: 'seeded: success with the seed', entries: [{ queryKey: ['pools'], data: ['seed'], updatedAtMs: SEEDED_AT_MS }], html: '<p>success [&quot;seed&quot;]</p>' },
    { name: 'not seeded: pending, no data', entries: [], html: '<p>pending null</p>' },
  ])('a query observer below it: $name', ({ entries, html }) => {
    expect(render(new QueryClient(), entries, createElement(ObserverReader, { queryKey: ['pools'] }))).toBe(html);
  });

  it('keeps data the cache already holds in render (a client navigation back), and merges nested seeds', () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.markets, [{ id: 'SOL', price: 1n }], { updatedAt: SEEDED_AT_MS + 1 });
    const inner = createElement(QuerySeed, { entries: [{ queryKey: ['pools'], data: ['inner'], updatedAtMs: SEEDED_AT_MS }] }, createElement(DataReader), createElement(ObserverReader, { queryKey: ['pools'] }));
    const html = render(client, [{ queryKey: queryKeys.markets, data: markets, updatedAtMs: SEEDED_AT_MS }], inner);
    // The hydration-time view is the page's seed (what this HTML holds), the cache keeps its newer data.
    expect(html).toBe('<p>price 1323000000000</p><p>success [&quot;inner&quot;]</p>');
    expect(client.getQueryData<typeof markets>(queryKeys.markets)?.[0]?.price).toBe(1n);
  });
});
