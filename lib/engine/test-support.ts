/**
 * Test support for engine suites: one database per test file (in-memory PGlite, or a fresh PostgreSQL schema
 * when TEST_DATABASE_URL is set and the suite asks for it), reset between tests by truncating every state table
 * and re-running genesis; a ManualOracle at the §9 prices; a fixed, advanceable engine clock.
 */
import { runMigrations, STATE_TABLES } from '@/lib/db/migrations';
import { openMemoryPglite } from '@/lib/db/pglite';
import { dropPostgresSchema, openPostgresDatabase } from '@/lib/db/postgres';
import type { Database } from '@/lib/db/types';
import { big } from '@/lib/db/rows';
import { GENESIS } from '@/lib/math/params';
import type { FeedId } from '@/lib/math/ids';
import { ManualOracle } from '@/lib/oracle/manual-oracle';
import { Engine } from './engine';
import { EngineClock } from './clock';
import type { ActionName, ActionParams, ActionRequest } from './action-params';

/** Wednesday 2026-01-07 12:00 UTC: RWA markets open. */
export const T0_MS = Date.UTC(2026, 0, 7, 12, 0, 0);

export type Backend = 'pglite' | 'postgres';

export interface TestWorld {
  db: Database;
  oracle: ManualOracle;
  clock: EngineClock;
  engine: Engine;
  /** Runs an action with a fresh nonce. */
  act<A extends ActionName>(owner: string, action: A, params: ActionParams[A]): ReturnType<Engine['execute']>;
  setPrice(feed: FeedId, price: bigint): Promise<void>;
  reset(opts?: { devnet?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export async function openTestDatabase(backend: Backend): Promise<{ db: Database; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (backend === 'postgres') {
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    const schema = `engine_test_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
    const db = await openPostgresDatabase(url, { schema, max: 4 });
    await runMigrations(db);
    return { db, drop: () => dropPostgresSchema(url, schema) };
  }
  const db = await openMemoryPglite();
  await runMigrations(db);
  return { db, drop: async () => undefined };
}

export async function createTestWorld(backend: Backend = 'pglite'): Promise<TestWorld> {
  const { db, drop } = await openTestDatabase(backend);
  let wallMs = T0_MS;
  const clock = new EngineClock(() => wallMs);
  const oracle = new ManualOracle({ ...GENESIS.prices }, T0_MS / 1000);
  let engine = new Engine({ db, oracle, clock, config: { devnet: true, maxPriceAgeS: 30 } });
  let nonce = 0;
  const world: TestWorld = {
    db,
    oracle,
    clock,
    get engine() {
      return engine;
    },
    act(owner, action, params) {
      nonce += 1;
      return engine.execute({ owner, nonce: `n${nonce}`, action, params } as ActionRequest);
    },
    async setPrice(feed, price) {
      await engine.setPrices({ [feed]: price });
    },
    async reset({ devnet = true } = {}) {
      await db.transaction(async (tx) => {
        await tx.exec(`TRUNCATE ${STATE_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
      });
      wallMs = T0_MS;
      oracle.setManualPrices({ ...GENESIS.prices }, T0_MS / 1000);
      engine = new Engine({ db, oracle, clock, config: { devnet, maxPriceAgeS: 30 } });
      await engine.init();
    },
    async close() {
      await db.close();
      await drop();
    },
  };
  return world;
}

/** Every table that holds money, for "a refused action changed nothing" checks. */
export async function snapshotState(db: Database): Promise<string> {
  const parts: string[] = [];
  for (const [table, order] of [
    ['balances', 'owner, token'],
    ['lp_balances', 'owner, pool'],
    ['custodies', 'pool, token'],
    ['pools', 'id'],
    ['positions', 'id'],
    ['orders', 'id'],
    ['market_sides', 'market, side'],
    ['nonces', 'owner, nonce'],
    ['events', 'id'],
    ['faucet_draws', 'owner, token'],
  ] as const) {
    const { rows } = await db.sql.query(`SELECT * FROM ${table} ORDER BY ${order}`);
    parts.push(`${table}:${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}

/** Σ per token of wallets + custodies' owned + open collateral + escrowed orders (conservation checks). */
export async function tokenTotals(db: Database): Promise<Record<string, bigint>> {
  const totals: Record<string, bigint> = {};
  const add = (token: string, v: unknown) => {
    totals[token] = (totals[token] ?? 0n) + big(v ?? '0');
  };
  const q = async (sql: string) => (await db.sql.query<{ token: string; total: string }>(sql)).rows;
  for (const r of await q('SELECT token, SUM(amount)::text AS total FROM balances GROUP BY token')) add(r.token, r.total);
  for (const r of await q('SELECT token, SUM(owned)::text AS total FROM custodies GROUP BY token')) add(r.token, r.total);
  for (const r of await q('SELECT collateral_token AS token, SUM(collateral_amount)::text AS total FROM positions GROUP BY collateral_token')) add(r.token, r.total);
  for (const r of await q('SELECT collateral_token AS token, SUM(collateral_amount)::text AS total FROM orders GROUP BY collateral_token')) add(r.token, r.total);
  return totals;
}
