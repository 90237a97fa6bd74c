import type { ChainCore } from './core';
import { restoreCore, type RestoreOptions } from './restore';
import type { ChainStore } from './store';

/**
 * After a failed commit: a new core from the store, retried (250 ms doubling to 10 s) until it loads or the chain
 * closes. The slot, blockhash window and clock do not go back: blockhashes already handed out stay valid.
 */
export async function reloadCore(store: ChainStore, previous: ChainCore, opts: RestoreOptions, closed: () => boolean): Promise<ChainCore> {
  for (let failures = 0; ; failures++) {
    try {
      const restored = await restoreCore(store, opts);
      if (restored === undefined) throw new Error('The chain store is empty');
      const core = restored.core;
      if (previous.slot > core.slot) {
        core.slot = previous.slot;
        core.blockhashes = previous.blockhashes;
        core.applySlotHashes();
      }
      core.advanceClock(previous.unixTimestamp);
      core.applyClock();
      return core;
    } catch (error) {
      if (closed()) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 250 * 2 ** failures)));
    }
  }
}
