/**
 * Starts the server's chain (chain.md): with SOLANA_RPC_URL a real cluster over RPC (lib/chain-runtime/cluster.ts);
 * else the local chain in this process, with the program deployed and §9's genesis on first start. On PostgreSQL
 * several app instances may share the database, but only one may run the local chain (a session lock decides):
 * the others run without one and say how to point them at it. On a cluster, prices are published only with
 * ORACLE_AUTHORITY_KEYPAIR, and on a shared PostgreSQL by one instance at a time (another session lock).
 */
import type { ServerConfig } from '@/lib/config/env';
import type { Database, SessionLock } from '@/lib/db/types';
import type { Oracle } from '@/lib/oracle/types';
import type { DevClock } from '@/lib/server/dev-clock';
import { startLocalRuntime, type ChainRuntime } from '@/lib/chain-runtime/runtime';
import { startClusterRuntime } from '@/lib/chain-runtime/cluster';
import { PriceWriter } from '@/lib/chain-runtime/price-writer';

/** The advisory lock of the one process that runs the local chain on a shared PostgreSQL. */
export const LOCAL_CHAIN_LOCK_KEY = 7_346_010;
/**
 * The advisory lock of the one instance that publishes prices to a cluster's program on a shared PostgreSQL.
 * Its own key: 7_346_011 is the indexer's (lib/indexer/leader.ts), 7_346_013 the keeper's (lib/keeper/leader.ts);
 * sharing one made the price writer and the indexer exclude each other across instances.
 */
export const PRICE_WRITER_LOCK_KEY = 7_346_012;

export interface StartedChain {
  runtime: ChainRuntime;
  startPriceWriter(oracle: Oracle): PriceWriter | undefined;
}

const log = (message: string) => console.log(`[chain] ${message}`);
const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));

function newPriceWriter(runtime: ChainRuntime, oracle: Oracle): PriceWriter | undefined {
  const authority = runtime.keys.oracleAuthority;
  if (!authority) return undefined;
  return new PriceWriter({
    oracle,
    client: runtime.client,
    addresses: runtime.addresses,
    authority,
    nowS: runtime.nowS,
    onError: (e) => log(`price update refused: ${describe(e)}`),
  });
}

/**
 * Runs `writer` while this process holds PRICE_WRITER_LOCK_KEY (at once without session locks); retries every
 * `retryMs`, stops the writer when the lock's connection dies. Returns the stop of the lease.
 */
function leasePriceWriter(db: Database, writer: PriceWriter, retryMs = 5_000): () => Promise<void> {
  if (!db.acquireSessionLock) {
    writer.start();
    return () => Promise.resolve();
  }
  let stopped = false;
  let lock: SessionLock | undefined;
  let timer: NodeJS.Timeout | undefined;
  const later = (f: () => void) => {
    if (stopped) return;
    timer = setTimeout(f, retryMs);
    timer.unref();
  };
  const heartbeat = () => {
    void lock?.check();
    later(heartbeat);
  };
  const attempt = async () => {
    const held = await db.acquireSessionLock!(PRICE_WRITER_LOCK_KEY).catch((e: unknown) => log(`price writer lease attempt failed: ${describe(e)}`));
    if (stopped) {
      await held?.release();
      return;
    }
    if (!held) return later(() => void attempt());
    lock = held;
    log('this instance publishes the oracle prices on chain');
    writer.start();
    void held.lost.then(async () => {
      if (stopped || lock !== held) return;
      lock = undefined;
      log('price writer lease lost: another instance may publish now');
      await writer.stop();
      if (timer) clearTimeout(timer);
      later(() => void attempt());
    });
    later(heartbeat);
  };
  void attempt();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await lock?.release().catch(() => undefined);
  };
}

export async function startChain(config: ServerConfig, db: Database, clock: DevClock): Promise<StartedChain | undefined> {
  if (config.cluster) {
    const runtime = await startClusterRuntime(config.cluster, { maxPriceAgeS: config.maxPriceAgeS, log });
    let stopLease: () => Promise<void> = () => Promise.resolve();
    return {
      runtime: {
        ...runtime,
        async stop() {
          await stopLease();
          await runtime.stop();
        },
      },
      startPriceWriter(oracle) {
        const writer = newPriceWriter(runtime, oracle);
        if (writer) stopLease = leasePriceWriter(db, writer);
        return writer;
      },
    };
  }
  if (db.acquireSessionLock) {
    const lock = await db.acquireSessionLock(LOCAL_CHAIN_LOCK_KEY);
    if (!lock) {
      log('another server runs the local chain on this database; this one serves without it (point it at that server with SOLANA_RPC_URL)');
      return undefined;
    }
  }
  const runtime = await startLocalRuntime({ db, nowMs: () => clock.nowMs(), maxPriceAgeS: config.maxPriceAgeS, log });
  return {
    runtime,
    startPriceWriter(oracle) {
      const writer = newPriceWriter(runtime, oracle);
      writer?.start();
      return writer;
    },
  };
}
