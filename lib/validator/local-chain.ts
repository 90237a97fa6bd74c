import type { Address } from '@solana/kit';
import { nextBlockhash } from './blockhash-queue';
import { ChainReader } from './chain-reader';
import { applyCommitted, buildCommitBatch, type CommitEvent, type CommitItem } from './commit-items';
import { ChainCore } from './core';
import { ChainClosedError, SignatureVerificationError, TransactionRejectedError } from './errors';
import { executeTransaction, revertTransaction } from './execute';
import { Faucet, faucetGenesisAccount } from './faucet';
import { GroupCommitter } from './group-commit';
import { lifetimeError } from './lifetime';
import { reloadCore } from './reload';
import { decodeTransaction } from './message';
import { MAX_PROCESSING_AGE } from './programs';
import { genesisState, restoreCore, type RestoreReport } from './restore';
import { simulateTransaction, type SimulationOptions, type SimulationResult } from './simulate';
import type { ChainStore } from './store';
import { Svm } from './svm';
import type { ChainAccount, TransactionErrorJson } from './types';

export type { CommitEvent } from './commit-items';

export interface LocalChainOptions {
  /** Slot length (Solana's ~400 ms). */
  readonly slotMs?: number;
  /** Run the slot timer (default true). Tests pass false and call `tick()`. */
  readonly autoTick?: boolean;
  /** Seed of a new chain's faucet keypair (default random); a restored chain keeps its own. */
  readonly faucetSeed?: Uint8Array;
  readonly faucetLamports?: bigint;
  /** LiteSVM's log truncation (default 10,000 bytes, as agave); null: no limit. */
  readonly logBytesLimit?: number | null;
  /** Called once with what restoring from the store took. */
  readonly onRestore?: (report: RestoreReport) => void;
  /** Most transactions in one group commit. */
  readonly maxBatch?: number;
}

export interface SendOptions {
  readonly skipPreflight?: boolean;
}

export interface SendResult {
  readonly signature: string;
  readonly slot: bigint;
  readonly err: TransactionErrorJson | null;
}

/**
 * The local Solana chain: one LiteSVM in this process, its state persisted through a `ChainStore`. Slots advance
 * with time, each with a new blockhash; the last 151 blockhashes are valid (Solana's `MAX_PROCESSING_AGE`). Every
 * executed transaction and the accounts it could write are committed (group commit) before its caller resolves;
 * reads answer committed state only, whatever the commitment asked. Open it with `LocalChain.open`.
 */
export class LocalChain extends ChainReader {
  private reloading: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly committer: GroupCommitter<CommitItem>;
  private readonly commitListeners = new Set<(event: CommitEvent) => void>();
  private readonly slotListeners = new Set<(slot: bigint) => void>();

  private constructor(
    store: ChainStore,
    private readonly nowUnixS: () => number,
    core: ChainCore,
    faucet: Faucet,
    private readonly options: LocalChainOptions,
  ) {
    super(store, core, faucet);
    this.committer = new GroupCommitter<CommitItem>(
      { write: (items) => this.write(items), committed: (items) => this.committed(items), failed: () => this.reload() },
      options.maxBatch,
    );
  }

  /** Restores the chain from `store`, or creates it (genesis: slot 0, a funded faucet) when the store is empty. */
  static async open(store: ChainStore, nowUnixS: () => number, options: LocalChainOptions = {}): Promise<LocalChain> {
    const restored = await restoreCore(store, { logBytesLimit: options.logBytesLimit });
    let core: ChainCore;
    if (restored !== undefined) {
      options.onRestore?.(restored.report);
      core = restored.core;
    } else {
      core = new ChainCore(new Svm({ logBytesLimit: options.logBytesLimit }), genesisState(BigInt(Math.floor(nowUnixS())), options.faucetSeed));
      core.applyClock();
      core.applySlotHashes();
    }
    const chain = new LocalChain(store, nowUnixS, core, await Faucet.fromSeed(core.faucetSeed), options);
    if (restored === undefined) await chain.setAccount(chain.faucet.address, faucetGenesisAccount(options.faucetLamports));
    if (options.autoTick !== false) chain.start();
    return chain;
  }

  // ---- time ----

  start(): void {
    if (this.timer !== null || this.closed) return;
    this.timer = setInterval(() => this.tick(), this.options.slotMs ?? 400);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Ends the slot, starts the next: new blockhash, Clock and SlotHashes sysvars, state persisted. */
  tick(): void {
    if (this.reloading !== null || this.closed) return;
    const core = this.core;
    core.slot += 1n;
    core.blockhashes.push({ slot: core.slot, blockhash: nextBlockhash(core.blockhashes.latest.blockhash, core.slot) });
    if (!core.advanceClock(this.now())) core.applyClock();
    core.applySlotHashes();
    core.statuses.prune(core.slot);
    this.committer.requestStateWrite();
    for (const listener of this.slotListeners) listener(core.slot);
  }

  /** Stops the timer, waits for the commits in flight; later sends are refused. */
  async close(): Promise<void> {
    this.stop();
    this.closed = true;
    await this.committer.idle();
  }

  // ---- writes ----

  /**
   * Executes a wire transaction. With preflight (the default) a transaction whose simulation fails is refused
   * (TransactionRejectedError 'preflight', or SignatureVerificationError) and changes nothing. A transaction that
   * executes, successfully or not, resolves once committed with its error (a failed one paid its fee).
   */
  async sendTransaction(wire: Uint8Array, opts: SendOptions = {}): Promise<SendResult> {
    while (this.reloading !== null) await this.reloading;
    if (this.closed) throw new ChainClosedError();
    const core = this.core;
    const tx = decodeTransaction(Uint8Array.from(wire));
    if (core.advanceClock(this.now())) this.committer.requestStateWrite();
    const stale = lifetimeError(core, tx);
    if (stale !== null) {
      throw new TransactionRejectedError(opts.skipPreflight === true ? 'notProcessed' : 'preflight', {
        err: stale, logs: [], unitsConsumed: 0n, returnData: null,
      });
    }
    const preflight = opts.skipPreflight !== true;
    const outcome = executeTransaction(core, tx, { slot: core.slot, blockTime: core.unixTimestamp, seq: core.nextSeq });
    if (!outcome.included) {
      if (preflight && outcome.rejection.err === 'SignatureFailure') throw new SignatureVerificationError();
      throw new TransactionRejectedError(preflight ? 'preflight' : 'notProcessed', outcome.rejection);
    }
    const { record, writes } = outcome.executed;
    if (preflight && record.err !== null) {
      // The preflight: executed once on the current state; a failure is undone and refused (see revertTransaction).
      revertTransaction(core, outcome.executed);
      throw new TransactionRejectedError('preflight', { err: record.err, logs: record.logs, unitsConsumed: record.computeUnits, returnData: record.returnData });
    }
    core.nextSeq += 1;
    core.statuses.add(record.signature, { slot: record.slot, err: record.err, blockhash: record.blockhash }, false);
    await this.committer.submit({ record, writes });
    return { signature: record.signature, slot: record.slot, err: record.err };
  }

  /** Airdrop: a system transfer signed by the chain's faucet, sent like any transaction; its signature. */
  async airdrop(to: Address, lamports: bigint): Promise<string> {
    while (this.reloading !== null) await this.reloading;
    const latest = this.core.blockhashes.latest;
    const wire = await this.faucet.transfer(to, lamports, latest.blockhash, latest.slot + BigInt(MAX_PROCESSING_AGE));
    return (await this.sendTransaction(wire)).signature;
  }

  /** Writes an account as is (genesis), persisted before it resolves. */
  async setAccount(address: Address, account: ChainAccount): Promise<void> {
    while (this.reloading !== null) await this.reloading;
    if (this.closed) throw new ChainClosedError();
    this.core.svm.setAccount(address, account);
    await this.committer.submit({ writes: new Map([[address, account.lamports === 0n ? null : account]]) });
  }

  simulateTransaction(wire: Uint8Array, opts: SimulationOptions = {}): SimulationResult {
    if (this.core.advanceClock(this.now())) this.committer.requestStateWrite();
    return simulateTransaction(this.core, Uint8Array.from(wire), opts);
  }

  // ---- events ----

  /** After each group commit (in order). Returns the unsubscribe function. */
  onCommit(listener: (event: CommitEvent) => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  onSlot(listener: (slot: bigint) => void): () => void {
    this.slotListeners.add(listener);
    return () => this.slotListeners.delete(listener);
  }

  // ---- group commit ----

  private now(): bigint {
    return BigInt(Math.floor(this.nowUnixS()));
  }

  private write(items: readonly CommitItem[]): Promise<void> {
    return this.store.commit(buildCommitBatch(this.core, items));
  }

  private committed(items: readonly CommitItem[]): void {
    const event = applyCommitted(this.core, items);
    for (const listener of this.commitListeners) {
      try {
        listener(event);
      } catch {
        // A listener's failure is its own.
      }
    }
  }

  /** Swaps in a core restored from the store; sends wait for it meanwhile. */
  private reload(): Promise<void> {
    const opts = { logBytesLimit: this.options.logBytesLimit };
    const reloading = reloadCore(this.store, this.core, opts, () => this.closed)
      .then((core) => {
        this.core = core;
      })
      .finally(() => {
        this.reloading = null;
      });
    this.reloading = reloading;
    return reloading.catch(() => undefined);
  }
}
