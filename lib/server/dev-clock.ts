import type { Clock } from '@/lib/oracle/types';
import type { SqlClient } from '@/lib/db/types';

const OFFSET_KEY = 'clock_offset_s';

/**
 * The dev clock: wall clock plus an offset in seconds that `/api/dev/clock` advances (protocol.md §4, api.md §
 * Local network controls); the local chain's Clock sysvar follows it. The offset is persisted in `engine_state`
 * (the table keeps its first name), so a restart keeps it and several instances agree: `syncInTx` re-reads it,
 * `advanceInTx` adds to it atomically in SQL.
 */
export class DevClock implements Clock {
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

  /** Reads the persisted offset (at start, before a dev control). */
  async syncInTx(sql: SqlClient): Promise<void> {
    const { rows } = await sql.query<{ value: string }>('SELECT value FROM engine_state WHERE key = $1', [OFFSET_KEY]);
    this.offsetS = rows[0] ? Number(rows[0].value) : 0;
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
