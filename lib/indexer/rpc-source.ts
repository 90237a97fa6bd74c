/**
 * A JSON-RPC as a source (a real cluster; tested against our own lib/rpc): every `pollMs`,
 * getSignaturesForAddress(programId, { until: the last one indexed }) pages back to the cursor (newest first),
 * then the transactions are fetched (getTransaction, a few at a time) and delivered oldest first. A transaction
 * the RPC cannot return yet ends the round there: the next round starts again from the last one delivered, so
 * nothing is skipped.
 */
import { createSolanaRpc, type Address, type Signature } from '@solana/kit';
import type { IndexedTransaction, IndexerCursor, TransactionBatch, TransactionSource } from './types';

export interface RpcSourceOptions {
  pollMs?: number;
  /** getTransaction requests in flight at once. */
  concurrency?: number;
  /** Transactions per delivered batch. */
  batchSize?: number;
  /** getSignaturesForAddress page size (agave's most, 1000, by default). */
  pageLimit?: number;
  onError?: (error: unknown) => void;
}


interface SignatureEntry {
  signature: string;
  slot: bigint;
  failed: boolean;
  blockTime: bigint | null;
}

export class RpcSource implements TransactionSource {
  readonly kind = 'rpc' as const;
  private readonly rpc;
  private readonly pollMs: number;
  private readonly concurrency: number;
  private readonly batchSize: number;
  private readonly pageLimit: number;
  private until: string | undefined;
  private newest: bigint | undefined;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private roundsStarted = 0;
  private roundsDone = 0;
  private waiters: { round: number; resolve: () => void }[] = [];

  constructor(
    url: string,
    private readonly programId: Address,
    private readonly opts: RpcSourceOptions = {},
  ) {
    this.rpc = createSolanaRpc(url);
    this.pollMs = opts.pollMs ?? 400;
    this.concurrency = opts.concurrency ?? 16;
    this.batchSize = opts.batchSize ?? 200;
    this.pageLimit = opts.pageLimit ?? 1000;
  }

  newestSlot(): bigint | undefined {
    return this.newest;
  }

  async start(from: IndexerCursor | undefined, deliver: (batch: TransactionBatch) => Promise<void>): Promise<void> {
    this.until = from?.signature;
    if (from && (this.newest === undefined || from.slot > this.newest)) this.newest = from.slot;
    const caughtUp = this.flush();
    this.loop = this.run(deliver);
    await caughtUp;
  }

  /** Resolves after a round that started after this call has finished. */
  flush(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const round = this.roundsStarted + 1;
    const p = new Promise<void>((resolve) => this.waiters.push({ round, resolve }));
    this.wake?.();
    return p;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    for (const w of this.waiters.splice(0)) w.resolve();
  }

  private async run(deliver: (batch: TransactionBatch) => Promise<void>): Promise<void> {
    while (!this.stopped) {
      this.roundsStarted += 1;
      try {
        await this.round(deliver);
      } catch (error) {
        this.opts.onError?.(error);
      }
      this.roundsDone += 1;
      const done = this.waiters.filter((w) => w.round <= this.roundsDone);
      this.waiters = this.waiters.filter((w) => w.round > this.roundsDone);
      for (const w of done) w.resolve();
      if (this.stopped) break;
      if (this.waiters.length > 0) continue;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, this.pollMs);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  /** Newest first, back to the cursor (exclusive). */
  private async signaturesSinceCursor(): Promise<SignatureEntry[]> {
    const out: SignatureEntry[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await this.rpc
        .getSignaturesForAddress(this.programId, {
          limit: this.pageLimit,
          commitment: 'confirmed',
          ...(this.until ? { until: this.until as Signature } : {}),
          ...(before ? { before: before as Signature } : {}),
        })
        .send();
      for (const s of page) out.push({ signature: s.signature, slot: s.slot, failed: s.err !== null, blockTime: s.blockTime === null ? null : BigInt(s.blockTime) });
      if (page.length < this.pageLimit || this.stopped) return out;
      before = page.at(-1)!.signature;
    }
  }

  private async fetch(s: SignatureEntry): Promise<IndexedTransaction | null> {
    if (s.failed) return { signature: s.signature, slot: s.slot, blockTime: s.blockTime ?? 0n, seq: null, failed: true, logs: [] };
    const tx = await this.rpc
      .getTransaction(s.signature as Signature, { encoding: 'json', maxSupportedTransactionVersion: 0, commitment: 'confirmed' })
      .send();
    if (!tx) return null;
    return {
      signature: s.signature,
      slot: tx.slot,
      blockTime: tx.blockTime === null ? (s.blockTime ?? 0n) : BigInt(tx.blockTime),
      seq: null,
      failed: tx.meta?.err !== null && tx.meta?.err !== undefined,
      logs: tx.meta?.logMessages ?? [],
    };
  }

  private async round(deliver: (batch: TransactionBatch) => Promise<void>): Promise<void> {
    const seenAtMs = Date.now();
    const entries = (await this.signaturesSinceCursor()).reverse();
    const last = entries.at(-1);
    if (last && (this.newest === undefined || last.slot > this.newest)) this.newest = last.slot;
    for (let i = 0; i < entries.length && !this.stopped; i += this.batchSize) {
      const chunk = entries.slice(i, i + this.batchSize);
      const txs: IndexedTransaction[] = [];
      let complete = true;
      for (let j = 0; j < chunk.length && complete; j += this.concurrency) {
        const fetched = await Promise.all(chunk.slice(j, j + this.concurrency).map((s) => this.fetch(s)));
        for (const t of fetched) {
          if (t === null) {
            complete = false;
            break;
          }
          txs.push(t);
        }
      }
      if (txs.length > 0) {
        await deliver({ transactions: txs, seenAtMs, seenSlot: this.newest ?? txs.at(-1)!.slot });
        this.until = txs.at(-1)!.signature;
      }
      if (!complete) return;
    }
  }
}
