import { PGlite } from '@electric-sql/pglite';
import type { Database, SqlClient } from './types';

interface PgliteLike {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[]; blob?: Blob }>;
  exec(sql: string): Promise<unknown>;
  transaction<T>(fn: (tx: PgliteLike) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  clone?(): Promise<unknown>;
}

function wrapClient(client: Pick<PgliteLike, 'query' | 'exec'>): SqlClient {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      const res = await client.query<T>(sql, params);
      return { rows: res.rows };
    },
    async exec(sql: string) {
      await client.exec(sql);
    },
  };
}

/**
 * The embedded backend. PGlite is one connection: its own `transaction` takes a mutex, so transactions are
 * serialised in-process (and `sql` queries wait for the running transaction). Durability: PGlite's node
 * filesystem writes through (the default `relaxedDurability: false` awaits the sync after every statement), so
 * an acknowledged commit survives SIGKILL.
 */
export class PgliteDatabase implements Database {
  readonly kind = 'pglite' as const;
  readonly sql: SqlClient;

  constructor(private readonly pg: PgliteLike) {
    this.sql = wrapClient(pg);
  }

  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    return this.pg.transaction((tx) => fn(wrapClient(tx)));
  }

  async copyBinary(query: string): Promise<Uint8Array> {
    const res = await this.pg.query(`COPY (${query}) TO '/dev/blob' WITH (FORMAT binary)`);
    if (res.blob === undefined) throw new Error('PGlite answered the COPY without its blob.');
    return new Uint8Array(await res.blob.arrayBuffer());
  }

  /** A copy of this database in memory (tests: migrate once, clone per test). */
  async clone(): Promise<PgliteDatabase> {
    if (!this.pg.clone) throw new Error('This PGlite build cannot clone.');
    return new PgliteDatabase((await this.pg.clone()) as PgliteLike);
  }

  close(): Promise<void> {
    return this.pg.close();
  }
}

/** Opens (creating if needed) the embedded database persisted in `dataDir`. */
export async function openPgliteDatabase(dataDir: string): Promise<PgliteDatabase> {
  const pg = await PGlite.create({ dataDir });
  return new PgliteDatabase(pg as unknown as PgliteLike);
}

/** A fresh, empty in-memory database (tests). */
export async function openMemoryPglite(): Promise<PgliteDatabase> {
  const pg = await PGlite.create();
  return new PgliteDatabase(pg as unknown as PgliteLike);
}
