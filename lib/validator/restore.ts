import { createHash, randomBytes } from 'node:crypto';
import { getBase58Decoder } from '@solana/kit';
import { ChainCore } from './core';
import { STATUS_CACHE_SLOTS } from './programs';
import type { ChainStore } from './store';
import { ownerBytesCache, Svm } from './svm';
import type { ChainStateSnapshot, KeyedAccount } from './types';

export interface RestoreOptions {
  readonly logBytesLimit?: number | null;
  /** Rows per page of the bulk account read on PostgreSQL (PGlite reads by ranges of heap blocks, store-sql.ts). */
  readonly pageSize?: number;
}

export interface RestoreReport {
  readonly accounts: number;
  readonly ms: number;
}

/** A new chain's state: slot 0, one blockhash (the genesis hash), a random faucet seed. */
export function genesisState(unixTimestamp: bigint, faucetSeed?: Uint8Array): ChainStateSnapshot {
  const seed = faucetSeed ?? new Uint8Array(randomBytes(32));
  const genesisHash = getBase58Decoder().decode(createHash('sha256').update('poolperps local chain').update(randomBytes(32)).digest());
  return {
    slot: 0n,
    unixTimestamp,
    blockhashes: [{ slot: 0n, blockhash: genesisHash }],
    genesisHash,
    faucetSeed: seed,
    nextSeq: 0,
    transactionCount: 0n,
  };
}

/**
 * Rebuilds the chain from the store: a fresh LiteSVM with the saved clock, every stored account (bulk pages,
 * `setAccount` in a loop; executable accounts last, since an upgradeable program needs its ProgramData account
 * loaded first), the index, and the statuses of the last 300 slots. Returns undefined when the store is empty.
 */
export async function restoreCore(store: ChainStore, opts: RestoreOptions = {}): Promise<{ core: ChainCore; report: RestoreReport } | undefined> {
  const started = performance.now();
  const state = await store.loadState();
  if (state === undefined) return undefined;
  const core = new ChainCore(new Svm({ logBytesLimit: opts.logBytesLimit }), state);
  core.applyClock();
  core.applySlotHashes();
  const ownerBytes = ownerBytesCache();
  const programs: KeyedAccount[] = [];
  let count = 0;
  for await (const page of store.loadAccounts(opts.pageSize)) {
    for (const entry of page) {
      count += 1;
      if (entry.account.executable) {
        programs.push(entry);
        continue;
      }
      core.svm.setAccount(entry.address, entry.account, ownerBytes(entry.account.owner));
      core.index.set(entry.address, entry.account);
    }
  }
  for (const { address, account } of programs) {
    core.svm.setAccount(address, account, ownerBytes(account.owner));
    core.index.set(address, account);
  }
  for (const status of await store.loadRecentStatuses(state.slot - STATUS_CACHE_SLOTS)) {
    core.statuses.add(status.signature, status, true);
  }
  return { core, report: { accounts: count, ms: performance.now() - started } };
}
