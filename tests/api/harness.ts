/**
 * In-process HTTP harness: services over one in-memory PGlite (or a PostgreSQL schema when TEST_DATABASE_URL is
 * set and asked for), a ManualOracle and a frozen engine clock, installed with `setServicesForTests`; route
 * modules are imported and called with `new Request(...)` exactly as Next calls them.
 */
import type { Database } from '@/lib/db/types';
import { runMigrations } from '@/lib/db/migrations';
import { openMemoryPglite } from '@/lib/db/pglite';
import { dropPostgresSchema, openPostgresDatabase } from '@/lib/db/postgres';
import { Engine } from '@/lib/engine/engine';
import { EngineClock } from '@/lib/engine/clock';
import { Keeper } from '@/lib/engine/keeper';
import { loadConfig } from '@/lib/config/env';
import { ManualOracle } from '@/lib/oracle/manual-oracle';
import type { FeedId } from '@/lib/math/ids';
import { setServicesForTests } from '@/lib/server/services';
import type { Services } from '@/lib/server/services';
import { STATE_TABLES } from '@/lib/db/migrations';

/** The Host every test request is sent to, and the domain intents name. */
export const DOMAIN = 'perps.test';
export const BASE_URL = `http://${DOMAIN}`;

/** Wednesday 2026-01-07 12:00 UTC: the RWA markets are open. */
export const START_MS = Date.UTC(2026, 0, 7, 12, 0, 0);

/** protocol.md §9 default prices in 1e10. */
export const DEFAULT_PRICES: Record<FeedId, bigint> = {
  SOL: 1_500_000_000_000n,
  BTC: 950_000_000_000_000n,
  BONK: 250_000n,
  USDC: 10_000_000_000n,
  XAU: 26_500_000_000_000n,
  XAG: 310_000_000_000n,
  WTI: 700_000_000_000n,
};

/** A ManualOracle whose prices go stale like live ones (to exercise ORACLE_STALE). */
export class AgingOracle extends ManualOracle {
  override isManual(): boolean {
    return false;
  }
}

export type Backend = 'pglite' | 'postgres';

export interface Harness {
  db: Database;
  engine: Engine;
  oracle: ManualOracle;
  clock: EngineClock;
  services: Services;
  /** Installs services with the local network on or off (same database). */
  useDevnet(devnet: boolean): void;
  close(): Promise<void>;
}

export interface HarnessOptions {
  backend?: Backend;
  devnet?: boolean;
  aging?: boolean;
}

export async function startHarness({ backend = 'pglite', devnet = true, aging = false }: HarnessOptions = {}): Promise<Harness> {
  const schema = `api_test_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  const url = process.env.TEST_DATABASE_URL;
  const db: Database =
    backend === 'postgres' && url ? await openPostgresDatabase(url, { schema }) : await openMemoryPglite();
  await runMigrations(db);
  const clock = new EngineClock(() => START_MS);
  const oracle = aging ? new AgingOracle(DEFAULT_PRICES, START_MS / 1000) : new ManualOracle(DEFAULT_PRICES, START_MS / 1000);
  const baseConfig = loadConfig({});
  const build = (on: boolean) => {
    const engine = new Engine({ db, oracle, clock, config: { devnet: on, maxPriceAgeS: baseConfig.maxPriceAgeS } });
    // The keeper is built but not started: no timers write snapshots behind the tests' backs.
    const keeper = new Keeper({ engine, db, oracle });
    const services: Services = { config: { ...baseConfig, devnet: on, appDomain: undefined }, db, oracle, clock, engine, keeper };
    return { engine, services };
  };
  const main = build(devnet);
  await main.engine.init();
  const other = build(!devnet);
  setServicesForTests(main.services);
  return {
    db,
    engine: main.engine,
    oracle,
    clock,
    services: main.services,
    useDevnet(on) {
      setServicesForTests(on === devnet ? main.services : other.services);
    },
    async close() {
      setServicesForTests(undefined);
      await db.close();
      if (backend === 'postgres' && url) await dropPostgresSchema(url, schema);
    },
  };
}

/** A digest of every state table: equal digests mean the ledger did not change at all. */
export async function stateDigest(db: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of STATE_TABLES) {
    const { rows } = await db.sql.query<{ n: string; h: string }>(
      `SELECT count(*)::text AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${table} t`,
    );
    out[table] = `${rows[0]?.n}:${rows[0]?.h}`;
  }
  return out;
}

/** Backends to run a suite on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const BACKENDS: Backend[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
