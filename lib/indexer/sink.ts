/**
 * Writes history rows: one INSERT per batch (arrays bound as parameters, expanded with unnest), idempotent on
 * (signature, event_index) so a replayed transaction adds nothing; with the cursor in the same database
 * transaction when one is given.
 */
import type { Database, SqlClient } from '@/lib/db/types';
import { writeCursor } from './cursor';
import type { HistoryRow, IndexerCursor } from './types';

const dec = (v: bigint | null): string | null => (v === null ? null : v.toString());

/** Inserts the rows not already there; the number inserted. */
export async function insertRows(sql: SqlClient, rows: readonly HistoryRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <T>(f: (r: HistoryRow) => T): T[] => rows.map(f);
  const { rows: inserted } = await sql.query(
    `INSERT INTO events (owner, kind, pool, market, side, at, size_usd, price, realized_pnl_usd, fees_usd, details, signature, slot, event_index)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::numeric[], $8::numeric[],
       $9::numeric[], $10::numeric[], $11::text[], $12::text[], $13::bigint[], $14::integer[])
     ON CONFLICT (signature, event_index) DO NOTHING
     RETURNING 1`,
    [
      col((r) => r.owner),
      col((r) => r.kind),
      col((r) => r.pool),
      col((r) => r.market),
      col((r) => r.side),
      col((r) => r.at.toString()),
      col((r) => dec(r.sizeUsd)),
      col((r) => dec(r.price)),
      col((r) => dec(r.realizedPnlUsd)),
      col((r) => dec(r.feesUsd)),
      col((r) => JSON.stringify(r.details)),
      col((r) => r.signature),
      col((r) => dec(r.slot)),
      col((r) => r.eventIndex),
    ],
  );
  return inserted.length;
}

/** The rows and the cursor after them, in one database transaction. */
export function commitBatch(db: Database, stream: string, rows: readonly HistoryRow[], cursor: IndexerCursor): Promise<number> {
  return db.transaction(async (tx) => {
    const n = await insertRows(tx, rows);
    await writeCursor(tx, stream, cursor);
    return n;
  });
}
