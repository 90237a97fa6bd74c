import pg from 'pg';
import { RETRYABLE_SQLSTATES, sqlState, type Database, type SessionLock, type SqlClient, type TransactionOptions } from './types';

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

function wrap(client: Queryable): SqlClient {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      const res = await client.query(sql, params);
      return { rows: res.rows as T[] };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The PostgreSQL backend (several app instances may share the database). Transactions run READ COMMITTED; the
 * engine locks the pool row `FOR UPDATE` first, so actions on one pool are serialised across instances. A
 * deadlock or serialization failure (40P01 / 40001) retries the whole transaction with a short jittered backoff.
 */
export class PostgresDatabase implements Database {
  readonly kind = 'postgres' as const;
  readonly sql: SqlClient;

  constructor(
    private readonly pool: pg.Pool,
    private readonly schema?: string,
  ) {
    this.sql = wrap(pool);
  }

  async transaction<T>(fn: (tx: SqlClient) => Promise<T>, opts: TransactionOptions = {}): Promise<T> {
    const retries = opts.retries ?? 5;
    for (let attempt = 0; ; attempt++) {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        const state = sqlState(error);
        if (attempt < retries && state !== undefined && RETRYABLE_SQLSTATES.has(state)) {
          await sleep(5 + Math.random() * 20 * (attempt + 1));
          continue;
        }
        throw error;
      } finally {
        client.release();
      }
    }
  }

  /** A dedicated connection holding session advisory lock `key` until `release` (the keeper leader lease). */
  async acquireSessionLock(key: number): Promise<SessionLock | undefined> {
    const client = await this.pool.connect();
    let onLost: () => void = () => undefined;
    const lost = new Promise<void>((resolve) => (onLost = resolve));
    try {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [key]);
      if (!rows[0]?.ok) {
        client.release();
        return undefined;
      }
    } catch (error) {
      client.release();
      throw error;
    }
    let broken = false;
    const lose = () => {
      broken = true;
      onLost();
    };
    client.on('error', lose);
    client.on('end', lose);
    let released = false;
    return {
      lost,
      check: async () => {
        if (released) return false;
        try {
          await client.query('SELECT 1');
          return true;
        } catch {
          lose();
          return false;
        }
      },
      release: async () => {
        if (released) return;
        released = true;
        if (!broken) await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
        client.off('error', lose);
        client.off('end', lose);
        // A broken connection is destroyed, not returned to the pool.
        client.release(broken);
      },
    };
  }

  get schemaName(): string | undefined {
    return this.schema;
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/**
 * Opens a pg Pool on `url`. With `schema`, every connection uses that schema (tests: one per run); it is created
 * if missing.
 */
export async function openPostgresDatabase(url: string, opts: { schema?: string; max?: number } = {}): Promise<PostgresDatabase> {
  let options: string | undefined;
  if (opts.schema !== undefined) {
    if (!/^[a-z_][a-z0-9_]*$/.test(opts.schema)) throw new Error(`Bad schema name: ${opts.schema}`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`);
    } finally {
      await client.end();
    }
    options = `-c search_path=${opts.schema}`;
  }
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, options, keepAlive: true });
  pool.on('error', () => undefined);
  return new PostgresDatabase(pool, opts.schema);
}

/** Drops a test schema and everything in it. */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Bad schema name: ${schema}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
