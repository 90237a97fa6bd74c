import type { CandleWire } from '@/lib/client/wire';
import type { FeedId } from '@/lib/math/ids';
import { readCandles } from './candle-store';
import { CANDLE_INTERVALS, type CandleInterval } from './candles';
import type { OracleSqlClient } from './db-port';

/**
 * A feed's candles rolled up from stored 1m candles, ascending, ending with the current (live) bucket, in their
 * wire form (prices as decimal strings, 1e10): `GET /api/candles`' body and the trade page's first answer
 * (lib/server/first-answers.ts).
 */
export async function readCandleWires(
  sql: OracleSqlClient,
  q: { feed: FeedId; interval: CandleInterval; limit: number; nowS: number },
): Promise<CandleWire[]> {
  const candles = await readCandles(sql, { feed: q.feed, intervalS: CANDLE_INTERVALS[q.interval], limit: q.limit, nowS: q.nowS });
  return candles.map((c) => ({ time: c.time, open: c.open.toString(), high: c.high.toString(), low: c.low.toString(), close: c.close.toString() }));
}
