import type { Address } from '@solana/kit';
import { AccountIndex } from './account-index';
import { BlockhashQueue } from './blockhash-queue';
import { SLOTS_PER_EPOCH, STATUS_CACHE_SLOTS, SYSVAR_OWNER } from './programs';
import { StatusCache } from './status-cache';
import type { Svm } from './svm';
import type { ChainAccount, ChainStateSnapshot } from './types';

/**
 * The chain's mutable state in one place: the LiteSVM (which holds executed-but-uncommitted writes too), the index
 * of committed accounts, the recent statuses, the blockhash window and the clock. A failed commit throws the whole
 * core away and a new one is restored from the store.
 */
export class ChainCore {
  readonly index = new AccountIndex();
  readonly statuses = new StatusCache(STATUS_CACHE_SLOTS);
  /** Addresses of the accounts every fresh LiteSVM has; never persisted (they are recreated identical). */
  readonly builtins = new Set<Address>();
  /** Sysvars change with every slot: reads take them live from LiteSVM. */
  readonly sysvars = new Set<Address>();
  blockhashes: BlockhashQueue;
  slot: bigint;
  unixTimestamp: bigint;
  readonly genesisHash: string;
  readonly faucetSeed: Uint8Array;
  /** Next sequence number to hand out (executed transactions, committed or not). */
  nextSeq: number;
  /** Sequence number after the last committed transaction, and how many were committed. */
  committedSeq: number;
  transactionCount: bigint;

  constructor(
    readonly svm: Svm,
    state: ChainStateSnapshot,
  ) {
    this.blockhashes = new BlockhashQueue(state.blockhashes);
    this.slot = state.slot;
    this.unixTimestamp = state.unixTimestamp;
    this.genesisHash = state.genesisHash;
    this.faucetSeed = state.faucetSeed;
    this.nextSeq = state.nextSeq;
    this.committedSeq = state.nextSeq;
    this.transactionCount = state.transactionCount;
    for (const { address, account } of svm.builtinAccounts()) {
      this.builtins.add(address);
      if (account.owner === SYSVAR_OWNER) this.sysvars.add(address);
      else this.index.set(address, account);
    }
  }

  /** The committed account (sysvars live). */
  read(address: Address): ChainAccount | null {
    if (this.sysvars.has(address)) return this.svm.getAccount(address);
    return this.index.get(address) ?? null;
  }

  /** Writes the Clock and SlotHashes sysvars from the chain's slot, time and blockhashes. */
  applyClock(): void {
    const slotIndex = this.slot % SLOTS_PER_EPOCH;
    this.svm.setClock({
      slot: this.slot,
      unixTimestamp: this.unixTimestamp,
      // ~400 ms per slot since the epoch began.
      epochStartTimestamp: this.unixTimestamp - (slotIndex * 2n) / 5n,
    });
  }

  applySlotHashes(): void {
    this.svm.setSlotHashes([...this.blockhashes.snapshot()].reverse());
  }

  /** Moves the clock to `now` if that is later (the chain's clock never goes back); true if it moved. */
  advanceClock(now: bigint): boolean {
    if (now <= this.unixTimestamp) return false;
    this.unixTimestamp = now;
    this.applyClock();
    return true;
  }

  /** The state to persist with a commit whose last transaction has sequence `committedSeq - 1`. */
  snapshot(committedSeq: number, transactionCount: bigint): ChainStateSnapshot {
    return {
      slot: this.slot,
      unixTimestamp: this.unixTimestamp,
      blockhashes: this.blockhashes.snapshot(),
      genesisHash: this.genesisHash,
      faucetSeed: this.faucetSeed,
      nextSeq: committedSeq,
      transactionCount,
    };
  }
}
