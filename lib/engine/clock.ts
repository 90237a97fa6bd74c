import type { Clock } from '@/lib/oracle/types';
import type { SqlClient } from '@/lib/db/types';

const OFFSET_KEY = 'clock_offset_s';

/**
 * The engine clock: wall clock plus an offset in seconds that `/api/dev/clock` advances (protocol.md §4). The
 * offset is persisted in `engine_state`, so a restart keeps it and several instances agree: every engine
 * transaction re-reads it (`syncInTx`, or folded into the nonce insert of a signed action: `consumeNonceInTx`), and `advance` adds to it atomically in SQL.
 */
export class EngineClock implements Clock {
  private offsetS = 0;

  constructor(private readonly wallMs: () => number = () => Date.now()) {}

  nowMs(): number {
    return this.wallMs() + this.offsetS * 1000;
  }

  nowS(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  get offsetSeconds(): number {
    return this.offsetS;
  }

  /** Reads the persisted offset (in an engine transaction or at start). */
  async syncInTx(sql: SqlClient): Promise<void> {
    const { rows } = await sql.query<{ value: string }>('SELECT value FROM engine_state WHERE key = $1', [OFFSET_KEY]);
    this.offsetS = rows[0] ? Number(rows[0].value) : 0;
  }

  /**
   * Consumes an action's nonce and reads the persisted offset in ONE statement (instead of a SELECT per
   * transaction and then the INSERT): `used_at` is the wall second plus the offset read in the statement, and the
   * offset comes back as `used_at − wall second`. Same snapshot, same value as `syncInTx` would read first. False
   * when the nonce was already used (the offset is then not refreshed: the action is refused anyway).
   */
  async consumeNonceInTx(sql: SqlClient, owner: string, nonce: string): Promise<boolean> {
    const wallS = Math.floor(this.wallMs() / 1000);
    const { rows } = await sql.query<{ offset_s: string }>(
      `INSERT INTO nonces (owner, nonce, used_at)
       SELECT $1, $2, $3::bigint + o.offset_s
       FROM (SELECT COALESCE((SELECT value::bigint FROM engine_state WHERE key = $4), 0) AS offset_s) AS o
       ON CONFLICT (owner, nonce) DO NOTHING
       RETURNING (used_at - $3::bigint)::text AS offset_s`,
      [owner, nonce, wallS, OFFSET_KEY],
    );
    if (!rows[0]) return false;
    this.offsetS = Number(rows[0].offset_s);
    return true;
  }

  /** Adds `seconds` to the persisted offset (atomic with other instances) and returns the new offset. */
  async advanceInTx(sql: SqlClient, seconds: number): Promise<number> {
    if (!Number.isSafeInteger(seconds) || seconds < 0) throw new RangeError('advanceSeconds must be a non-negative integer.');
    const { rows } = await sql.query<{ value: string }>(
      `INSERT INTO engine_state (key, value) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET value = ((engine_state.value)::bigint + $2::bigint)::text
       RETURNING value`,
      [OFFSET_KEY, String(seconds)],
    );
    this.offsetS = Number(rows[0]?.value ?? seconds);
    return this.offsetS;
  }
}
