import type { FeedId } from '@/lib/math/ids';
import { bucketStart, type Candle } from './candles';
import type { OracleDatabase, OracleSqlClient } from './db-port';

/** Rows per multi-row INSERT when bulk-loading history. */
const INSERT_CHUNK_ROWS = 2_000;

export interface FeedCandle extends Candle {
  readonly feed: FeedId;
}

interface CandleRow {
  time: number | string;
  open: string;
  high: string;
  low: string;
  close: string;
}

const toCandle = (r: CandleRow): Candle => ({
  time: Number(r.time),
  open: BigInt(r.open),
  high: BigInt(r.high),
  low: BigInt(r.low),
  close: BigInt(r.close),
});

/**
 * `VALUES` literals for candles. Safe to inline: every field is a bigint or an integer and the feed comes from
 * the closed FeedId list (inlining beats thousands of bound parameters for bulk loads).
 */
function valuesSql(rows: readonly FeedCandle[]): string {
  return rows
    .map((r) => {
      if (!/^[A-Z]+$/.test(r.feed) || !Number.isSafeInteger(r.time)) throw new Error(`Bad candle row ${r.feed}@${r.time}`);
      return `('${r.feed}',${r.time},${r.open},${r.high},${r.low},${r.close})`;
    })
    .join(',');
}

/** Inserts generated history in one transaction, `INSERT_CHUNK_ROWS` rows per statement; existing rows win. */
export async function insertCandleHistory(db: OracleDatabase, rows: readonly FeedCandle[]): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK_ROWS) {
      await tx.exec(
        `INSERT INTO candles_1m (feed, t, open, high, low, close) VALUES ${valuesSql(rows.slice(i, i + INSERT_CHUNK_ROWS))}
         ON CONFLICT (feed, t) DO NOTHING`,
      );
    }
  });
}

/**
 * Upserts live 1m candles (one row per feed and minute; callers aggregate ticks first): the stored open stays,
 * high and low widen, close is replaced.
 */
export async function upsertCandles(sql: OracleSqlClient, rows: readonly FeedCandle[]): Promise<void> {
  if (rows.length === 0) return;
  // One row order for every writer (instances, overlapping flushes), so concurrent upserts cannot deadlock.
  const sorted = [...rows].sort((x, y) => (x.feed === y.feed ? x.time - y.time : x.feed < y.feed ? -1 : 1));
  await sql.exec(
    `INSERT INTO candles_1m (feed, t, open, high, low, close) VALUES ${valuesSql(sorted)}
     ON CONFLICT (feed, t) DO UPDATE SET
       high = GREATEST(candles_1m.high, EXCLUDED.high, candles_1m.open),
       low = LEAST(candles_1m.low, EXCLUDED.low, candles_1m.open),
       close = EXCLUDED.close`,
  );
}

/** The newest stored 1m candle of each feed (where the simulator resumes). */
export async function latestCandles(sql: OracleSqlClient): Promise<Map<FeedId, Candle>> {
  const { rows } = await sql.query<CandleRow & { feed: FeedId }>(
    `SELECT DISTINCT ON (feed) feed, t AS time, open::text AS open, high::text AS high, low::text AS low,
            close::text AS close
       FROM candles_1m ORDER BY feed, t DESC`,
  );
  return new Map(rows.map((r) => [r.feed, toCandle(r)]));
}

/**
 * Reads `limit` candles of `intervalS` seconds ending with the bucket of `nowS` (later rows are ignored), rolled up from 1m candles in SQL
 * (open of the first minute, close of the last, max high, min low), ascending by time.
 */
export async function readCandles(
  sql: OracleSqlClient,
  args: { feed: FeedId; intervalS: number; limit: number; nowS: number },
): Promise<Candle[]> {
  const fromS = bucketStart(args.nowS, args.intervalS) - (args.limit - 1) * args.intervalS;
  const { rows } = await sql.query<CandleRow>(
    `SELECT b.time, b.open::text AS open, b.high::text AS high, b.low::text AS low, b.close::text AS close
       FROM (SELECT (t - MOD(t, $2)) AS time,
                    (ARRAY_AGG(open ORDER BY t ASC))[1] AS open, MAX(high) AS high, MIN(low) AS low,
                    (ARRAY_AGG(close ORDER BY t DESC))[1] AS close
               FROM candles_1m WHERE feed = $1 AND t >= $3 AND t < $5
              GROUP BY 1 ORDER BY 1 DESC LIMIT $4) b
      ORDER BY b.time ASC`,
    [args.feed, args.intervalS, fromS, args.limit, bucketStart(args.nowS, args.intervalS) + args.intervalS],
  );
  return rows.map(toCandle);
}

/**
 * Per feed, the open of its first 1m candle at or after `sinceS` (each one index probe): the reference for a
 * 24-hour change. `null` for a feed with no candle since then.
 */
export async function selectFirstOpensSince(sql: OracleSqlClient, feeds: readonly FeedId[], sinceS: number): Promise<Map<FeedId, bigint>> {
  const { rows } = await sql.query<{ feed: FeedId; open: string }>(
    `SELECT f.feed, c.open::text AS open FROM unnest($1::text[]) AS f(feed)
     CROSS JOIN LATERAL (SELECT open FROM candles_1m WHERE feed = f.feed AND t >= $2 ORDER BY t LIMIT 1) c`,
    [`{${feeds.join(',')}}`, sinceS],
  );
  return new Map(rows.map((r) => [r.feed, BigInt(r.open)]));
}
