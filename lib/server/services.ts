import { loadConfig, type ServerConfig } from '@/lib/config/env';
import { openDatabase } from '@/lib/db/open';
import type { Database } from '@/lib/db/types';
import { DevClock } from './dev-clock';
import type { Oracle } from '@/lib/oracle/types';
import { createServerOracle } from './oracle-factory';
import { startChain } from './chain';
import type { ChainRuntime } from '@/lib/chain-runtime/runtime';
import type { PriceWriter } from '@/lib/chain-runtime/price-writer';
import { startIndexer, type Indexer } from '@/lib/indexer';
import { startChainKeeper, type ChainKeeper } from '@/lib/keeper';
import { chainPools } from '@/lib/chain-runtime/reads';
import { recordLpSnapshots, startLpSnapshots } from '@/lib/views/lp-snapshots';

/** Everything a route handler needs, one per process. */
export interface Services {
  config: ServerConfig;
  db: Database;
  oracle: Oracle;
  clock: DevClock;
  /** The chain (the local one in this process, by default); undefined where this process runs none. */
  chain?: ChainRuntime;
  /** Writes the oracle's prices on chain. */
  priceWriter?: PriceWriter;
  /** The program's events into the history (one indexer among instances). */
  indexer?: Indexer;
  /** Liquidations, TP/SL and limit fills on chain (one leader among instances). */
  chainKeeper?: ChainKeeper;
  /** Stops the LP price snapshots (one a minute, from the chain's pools). */
  stopLpSnapshots?: () => void;
}

/** Next bundles routes separately: the one instance lives on globalThis (never two PGlite on one folder). */
const KEY = Symbol.for('poolperps.services');
/** `ready`: the services once `services` has resolved (what a page may read without waiting). */
type Slot = { services?: Promise<Services>; ready?: Services };
const slot = (): Slot => {
  const g = globalThis as unknown as Record<symbol, Slot | undefined>;
  return (g[KEY] ??= {});
};

async function build(config: ServerConfig): Promise<Services> {
  const db = await openDatabase(config);
  const clock = new DevClock();
  await clock.syncInTx(db.sql);
  const chain = await startChain(config, db, clock);
  const oracle = createServerOracle(config, { db, clock });
  await oracle.start();
  const priceWriter = chain?.startPriceWriter(oracle);
  const indexer = chain ? startIndexer(chain.runtime, db, { rpcUrl: config.solanaRpcUrl }) : undefined;
  const chainKeeper = chain ? await startChainKeeper(chain.runtime, db) : undefined;
  const runtime = chain?.runtime;
  const stopLpSnapshots = runtime
    ? startLpSnapshots(async () => recordLpSnapshots(db, await chainPools(runtime, db.sql), runtime.nowS()), (m) => console.log(`[lp] ${m}`))
    : undefined;
  return { config, db, oracle, clock, chain: runtime, priceWriter, indexer, chainKeeper, stopLpSnapshots };
}

/**
 * The process's services, built on first call: config (a bad one throws ConfigError), database (migrated),
 * clock (offset from the database), the chain (the local one with its genesis on first start, or a cluster's
 * RPC), oracle (started), price writer, indexer, keeper, LP snapshots.
 */
export function getServices(): Promise<Services> {
  const s = slot();
  if (!s.services) {
    const building = (async () => build(loadConfig()))();
    s.services = building;
    building.then(
      (services) => {
        if (s.services === building) s.ready = services;
      },
      () => {
        if (s.services === building) s.services = undefined;
      },
    );
  }
  return s.services;
}

/**
 * The services if this process has started them (instrumentation.ts does at boot) and they are up; `undefined`
 * while they start, when they failed, and where nothing started them (a page prerendered by `next build`): never
 * starts them and never waits.
 */
export function startedServices(): Services | undefined {
  return slot().ready;
}

/** Tests install their own services (in-memory database, manual oracle, fixed clock). */
export function setServicesForTests(services: Services | undefined): void {
  slot().services = services ? Promise.resolve(services) : undefined;
  slot().ready = services;
}

/** Stops the background jobs, the oracle and the chain, and closes the database (graceful shutdown, tests). */
export async function stopServices(): Promise<void> {
  const s = slot();
  const pending = s.services;
  s.services = undefined;
  s.ready = undefined;
  if (!pending) return;
  const services = await pending.catch(() => undefined);
  if (!services) return;
  services.stopLpSnapshots?.();
  await services.priceWriter?.stop();
  await services.chainKeeper?.stop();
  await services.indexer?.stop();
  await services.oracle.stop();
  await services.chain?.stop();
  await services.db.close();
}
