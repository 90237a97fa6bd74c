/** The storage port of the engine (engine contract): one interface, two backends (PGlite and PostgreSQL). */
export interface SqlClient {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<void>;
}

export interface TransactionOptions {
  /** How many times a serialization failure or deadlock (40001 / 40P01) is retried (PostgreSQL only). */
  readonly retries?: number;
}

export interface SessionLock {
  /** Resolves when the lock's connection dies (the lock is then gone). */
  readonly lost: Promise<void>;
  /** Heartbeat: a round trip on the lock's connection; false (and `lost` resolves) if it failed. */
  check(): Promise<boolean>;
  release(): Promise<void>;
}

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>, opts?: TransactionOptions): Promise<T>;
  /** Statements outside a transaction (reads). Never call it from inside `transaction` (PGlite is one connection). */
  readonly sql: SqlClient;
  /**
   * PostgreSQL: takes the session-level advisory lock `key` on a dedicated connection if it is free right now
   * (`undefined` when another session holds it); `lost` resolves if that connection dies. Absent on PGlite, where
   * one process owns the database and always leads.
   */
  acquireSessionLock?(key: number): Promise<SessionLock | undefined>;
  /**
   * PGlite: runs `COPY (query) TO … WITH (FORMAT binary)` and answers the stream's bytes (read them with
   * lib/db/copy-binary.ts), a bulk read without the per-row protocol. `query` takes no parameters (COPY has
   * none): inline only trusted values. Absent on PostgreSQL (read with `sql.query` there).
   */
  copyBinary?(query: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Postgres error codes on which a whole transaction is retried. */
export const RETRYABLE_SQLSTATES: ReadonlySet<string> = new Set(['40001', '40P01']);

export function sqlState(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

