import { isFeedId } from '@/lib/math/ids';
import type { OracleSqlClient } from './db-port';
import type { OraclePrice } from './types';

/**
 * `price_marks` (feed PK, price, publish_time): the last published price per feed. With PostgreSQL and several
 * instances, the simulated leader writes every tick here and the other instances read it, so all of them quote
 * the same walk.
 */
export async function writePriceMarks(sql: OracleSqlClient, prices: readonly OraclePrice[]): Promise<void> {
  if (prices.length === 0) return;
  const values = prices.map((_, i) => `($${3 * i + 1}, $${3 * i + 2}::numeric, $${3 * i + 3}::bigint)`).join(',');
  await sql.query(
    `INSERT INTO price_marks (feed, price, publish_time) VALUES ${values}
     ON CONFLICT (feed) DO UPDATE SET price = EXCLUDED.price, publish_time = EXCLUDED.publish_time`,
    prices.flatMap((p) => [p.feed, p.price.toString(), p.publishTime]),
  );
}

export async function readPriceMarks(sql: OracleSqlClient): Promise<OraclePrice[]> {
  const { rows } = await sql.query<{ feed: string; price: string; publish_time: string | number }>(
    'SELECT feed, price::text AS price, publish_time FROM price_marks',
  );
  return rows.flatMap((r) =>
    isFeedId(r.feed) ? [{ feed: r.feed, price: BigInt(r.price), publishTime: Number(r.publish_time) }] : [],
  );
}
