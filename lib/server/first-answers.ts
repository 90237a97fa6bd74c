/**
 * The first answers a page renders into its HTML (lib/hooks/query-seed.tsx): markets and pools for every page (the
 * ticker, the market bar, the ticket), the selected market's day candles for /trade (24h change, high, low). The
 * same reads and the same decoders as `GET /api/markets`, `/api/pools` and `/api/candles` followed by the browser's
 * fetchers, so the cache holds what a fetch would have put there.
 *
 * Never holds a page: nothing while the services are still starting (the starting screen shows then), and nothing
 * when the reads take longer than READ_BUDGET_MS (a remote cluster, a busy database) or fail; the browser fetches as
 * before in those cases.
 */
import { decodeCandle, decodeMarket, decodePool } from '@/lib/client/decode';
import type { MarketWire, PoolWire } from '@/lib/client/wire';
import { chainMarkets, chainPools } from '@/lib/chain-runtime/reads';
import { queryKeys } from '@/lib/hooks/query-keys';
import type { QuerySeedEntry } from '@/lib/hooks/query-seed';
import { toWire } from '@/lib/http/wire-json';
import type { MarketId } from '@/lib/math/ids';
import { readCandleWires } from '@/lib/oracle/candle-wires';
import { DAY_CANDLES } from '@/lib/trade/market-stats';
import { startedServices, type Services } from './services';

/** Longest a page waits for its first answers before it renders without them, ms. */
export const READ_BUDGET_MS = 250;

async function withinBudget(read: (s: Services) => Promise<QuerySeedEntry[]>): Promise<QuerySeedEntry[]> {
  const services = startedServices();
  if (!services) return [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<QuerySeedEntry[]>((r) => (timer = setTimeout(() => r([]), READ_BUDGET_MS)));
  try {
    return await Promise.race([read(services).catch(() => []), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Markets and pools (the root layout's first answers). */
export function marketAndPoolAnswers(): Promise<QuerySeedEntry[]> {
  return withinBudget(async ({ chain, db }) => {
    if (!chain) return [];
    const [markets, pools] = await Promise.all([chainMarkets(chain, db.sql), chainPools(chain, db.sql)]);
    const updatedAtMs = Date.now();
    return [
      { queryKey: queryKeys.markets, data: markets.map((m) => decodeMarket(toWire(m) as unknown as MarketWire)), updatedAtMs },
      { queryKey: queryKeys.pools, data: pools.map((p) => decodePool(toWire(p) as unknown as PoolWire)), updatedAtMs },
    ];
  });
}

/** A market's day candles (the trade page's first answer). */
export function dayCandleAnswers(market: MarketId): Promise<QuerySeedEntry[]> {
  return withinBudget(async ({ db, clock }) => {
    const wires = await readCandleWires(db.sql, { feed: market, ...DAY_CANDLES, nowS: clock.nowS() });
    return [{ queryKey: queryKeys.candles(market, DAY_CANDLES.interval, DAY_CANDLES.limit), data: wires.map(decodeCandle), updatedAtMs: Date.now() }];
  });
}
