/**
 * Starts the server's chain (chain.md): the local chain in this process, with the program deployed and §9's
 * genesis on first start. On PostgreSQL several app instances may share the database, but only one may run the
 * local chain (a session lock decides): the others run without one and say how to point them at it.
 */
import type { ServerConfig } from '@/lib/config/env';
import type { Database } from '@/lib/db/types';
import type { Oracle } from '@/lib/oracle/types';
import type { EngineClock } from '@/lib/engine/clock';
import { startLocalRuntime, type ChainRuntime } from '@/lib/chain-runtime/runtime';
import { PriceWriter } from '@/lib/chain-runtime/price-writer';

/** The advisory lock of the one process that runs the local chain on a shared PostgreSQL. */
export const LOCAL_CHAIN_LOCK_KEY = 7_346_010;

export interface StartedChain {
  runtime: ChainRuntime;
  startPriceWriter(oracle: Oracle): PriceWriter | undefined;
}

const log = (message: string) => console.log(`[chain] ${message}`);

export async function startChain(config: ServerConfig, db: Database, clock: EngineClock): Promise<StartedChain | undefined> {
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
      const authority = runtime.keys.oracleAuthority;
      if (!authority) return undefined;
      const writer = new PriceWriter({
        oracle,
        client: runtime.client,
        addresses: runtime.addresses,
        authority,
        nowS: runtime.nowS,
        onError: (e) => log(`price update refused: ${e instanceof Error ? e.message : String(e)}`),
      });
      writer.start();
      return writer;
    },
  };
}
