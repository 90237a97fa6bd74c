import type { Database } from '@/lib/db/types';
import { LocalChain, SqlChainStore, type LocalChainOptions } from '@/lib/validator';
import { clearChainTables, manualClock } from '@/lib/validator/testing';
import { startRpcServer, type RunningRpcServer } from './server';

/** Test helper: a fresh chain on `db` (its chain tables emptied) served on a random loopback port. */
export async function startTestRpc(
  db: Database,
  options: LocalChainOptions = { autoTick: false },
): Promise<{ chain: LocalChain; server: RunningRpcServer; clock: ReturnType<typeof manualClock>; close: () => Promise<void> }> {
  await clearChainTables(db);
  const clock = manualClock();
  const chain = await LocalChain.open(new SqlChainStore(db), clock.now, options);
  const server = await startRpcServer(chain);
  return {
    chain,
    server,
    clock,
    close: async () => {
      await server.close();
      await chain.close();
    },
  };
}
