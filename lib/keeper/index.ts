/**
 * The keeper on chain (lib/keeper/keeper.ts). `startChainKeeper(runtime, db)` starts it: with PGlite it leads at
 * once; on PostgreSQL it leads when it holds the keeper lock, else waits to take over.
 *
 * It reacts to the price accounts' commits in `runtime.state` (the price transaction's confirmation, whoever
 * wrote it: this process's PriceWriter, /api/dev/prices, another instance), so it needs no hook in the PriceWriter.
 */
import type { Database } from '@/lib/db/types';
import type { ChainRuntime } from '@/lib/chain-runtime/runtime';
import { ChainKeeper, type ChainKeeperOptions } from './keeper';

export { ChainKeeper } from './keeper';
export type { ChainKeeperOptions, ChainKeeperStats, KeeperActionRecord, PassStats } from './keeper';
export { CHAIN_KEEPER_LOCK_KEY } from './leader';
export { PERMANENT_FILL_CODES } from './attempts';

export async function startChainKeeper(runtime: ChainRuntime, db: Database, options: ChainKeeperOptions = {}): Promise<ChainKeeper> {
  const keeper = new ChainKeeper(runtime, db, options);
  await keeper.start();
  return keeper;
}
