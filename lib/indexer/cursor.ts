/**
 * The indexer's resume point (`indexer_cursor`, one row per stream: the program id): the last transaction
 * indexed. Written in the database transaction of the rows it covers, so rows and cursor never disagree; it only
 * moves forward (a deposed leader's late write cannot move it back).
 */
import type { SqlClient } from '@/lib/db/types';
import type { IndexerCursor } from './types';

export async function readCursor(sql: SqlClient, stream: string): Promise<IndexerCursor | undefined> {
  const { rows } = await sql.query<{ signature: string; slot: unknown; seq: unknown }>(
    'SELECT signature, slot::text AS slot, seq::text AS seq FROM indexer_cursor WHERE stream = $1',
    [stream],
  );
  const r = rows[0];
  if (!r) return undefined;
  return { signature: r.signature, slot: BigInt(String(r.slot)), seq: r.seq === null || r.seq === undefined ? null : Number(r.seq) };
}

/** The upsert of a cursor with its 5 parameters numbered from `$first` (stream, signature, slot, seq, updated_at). */
export function cursorUpsertSql(first: number): string {
  const [stream, signature, slot, seq, at] = [0, 1, 2, 3, 4].map((i) => `$${first + i}`);
  return `INSERT INTO indexer_cursor (stream, signature, slot, seq, updated_at) VALUES (${stream}, ${signature}, ${slot}::bigint, ${seq}::bigint, ${at}::bigint)
     ON CONFLICT (stream) DO UPDATE SET signature = EXCLUDED.signature, slot = EXCLUDED.slot, seq = EXCLUDED.seq,
       updated_at = EXCLUDED.updated_at
     WHERE indexer_cursor.slot < EXCLUDED.slot
        OR (indexer_cursor.slot = EXCLUDED.slot AND COALESCE(indexer_cursor.seq, -1) <= COALESCE(EXCLUDED.seq, -1))`;
}

export function cursorParams(stream: string, c: IndexerCursor): unknown[] {
  return [stream, c.signature, c.slot.toString(), c.seq === null ? null : String(c.seq), Math.floor(Date.now() / 1000)];
}

export async function writeCursor(sql: SqlClient, stream: string, c: IndexerCursor): Promise<void> {
  await sql.query(cursorUpsertSql(1), cursorParams(stream, c));
}
