/**
 * Writes history rows: one statement per batch (arrays bound as parameters, expanded with unnest), idempotent on
 * (signature, event_index) so a replayed transaction adds nothing, and carrying the cursor's upsert in a
 * data-modifying WITH: rows and cursor commit together, atomically, in one round trip (under load each round
 * trip waits for a turn of a busy event loop; BEGIN/INSERT/UPSERT/COMMIT cost the lag a slot on PostgreSQL).
 *
 * The statement's own transaction commits without waiting for the WAL flush (set_config('synchronous_commit',
 * 'off', true): this transaction only; the chain's commits stay synchronous). A database crash can then lose the
 * last batches, but rows and cursor together, never one without the other; the chain still holds the
 * transactions, and the indexer, whose lease connection died with the server, takes the lead again and resumes
 * from the cursor the database kept. Measured: a 20-row batch 8 ms → 3 ms on this machine's PostgreSQL.
 */
import type { Database, SqlClient } from '@/lib/db/types';
import { cursorParams, cursorUpsertSql } from './cursor';
import type { HistoryRow, IndexerCursor } from './types';

const dec = (v: bigint | null): string | null => (v === null ? null : v.toString());

const INSERT_ROWS = `INSERT INTO events (owner, kind, pool, market, side, at, size_usd, price, realized_pnl_usd, fees_usd, details, signature, slot, event_index)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::numeric[], $8::numeric[],
       $9::numeric[], $10::numeric[], $11::text[], $12::text[], $13::bigint[], $14::integer[])
     ON CONFLICT (signature, event_index) DO NOTHING
     RETURNING 1`;

function rowParams(rows: readonly HistoryRow[]): unknown[] {
  const col = <T>(f: (r: HistoryRow) => T): T[] => rows.map(f);
  return [
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
  ];
}

/** Inserts the rows not already there; the number inserted. */
export async function insertRows(sql: SqlClient, rows: readonly HistoryRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const { rows: inserted } = await sql.query(INSERT_ROWS, rowParams(rows));
  return inserted.length;
}

/** The rows and the cursor after them, in one statement (so one transaction); the number of rows inserted. */
export async function commitBatch(db: Pick<Database, 'sql'>, stream: string, rows: readonly HistoryRow[], cursor: IndexerCursor): Promise<number> {
  const { rows: result } = await db.sql.query<{ inserted: unknown }>(
    `WITH cursor_write AS (${cursorUpsertSql(15)} RETURNING 1), inserted AS (${INSERT_ROWS}),
       no_flush AS (SELECT set_config('synchronous_commit', 'off', true) AS v)
     SELECT (SELECT count(*)::int FROM inserted) AS inserted, (SELECT v FROM no_flush) AS synchronous_commit`,
    [...rowParams(rows), ...cursorParams(stream, cursor)],
  );
  return Number(result[0]?.inserted ?? 0);
}
