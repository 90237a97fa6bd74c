import { readCandleWires } from '@/lib/oracle/candle-wires';
import type { OracleSqlClient } from '@/lib/oracle/db-port';
import type { Clock } from '@/lib/oracle/types';
import { parseCandlesQuery } from './candles-query';

/**
 * GET /api/candles body: candles of the market's feed (markets are priced by the feed of the same name) rolled up
 * from stored 1m candles, ascending, ending with the current (live) bucket; prices as decimal strings (1e10).
 */
export async function candlesResponse(url: URL, deps: { sql: OracleSqlClient; clock: Clock }): Promise<Response> {
  const query = parseCandlesQuery(url.searchParams);
  const body = await readCandleWires(deps.sql, { feed: query.market, interval: query.interval, limit: query.limit, nowS: deps.clock.nowS() });
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
}
