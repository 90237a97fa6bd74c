/**
 * The local chain as a source: its commits as they happen (`onCommit`, after each group commit, in order), and
 * its store for the backlog (chain_transactions by `seq`, the chain's execution order, through the
 * getSignaturesForAddress index of the program id). The listener is attached before the backlog is read, so a
 * transaction committed meanwhile is in one or the other (both: delivered once, by seq): no gap.
 */
import type { Address } from '@solana/kit';
import type { SqlClient } from '@/lib/db/types';
import type { CommitEvent, LocalChain, TransactionRecord } from '@/lib/validator';
import type { IndexedTransaction, IndexerCursor, TransactionBatch, TransactionSource } from './types';

export interface LocalSourceOptions {
  /** Transactions per backlog page and per delivered batch. */
  pageSize?: number;
}

interface StoredRow {
  signature: string;
  seq: unknown;
  slot: unknown;
  block_time: unknown;
  err: string | null;
  logs: string;
}

function fromRecord(r: TransactionRecord): IndexedTransaction {
  return { signature: r.signature, slot: r.slot, blockTime: r.blockTime, seq: r.seq, failed: r.err !== null, logs: r.logs };
}

function fromRow(r: StoredRow): IndexedTransaction {
  return {
    signature: r.signature,
    slot: BigInt(String(r.slot)),
    blockTime: BigInt(String(r.block_time)),
    seq: Number(r.seq),
    failed: r.err !== null,
    logs: JSON.parse(r.logs) as string[],
  };
}

export class LocalSource implements TransactionSource {
  readonly kind = 'local' as const;
  private pending: { tx: IndexedTransaction; seenAtMs: number; seenSlot: bigint }[] = [];
  private live = false;
  private stopped = false;
  private delivered = -1;
  private newest: bigint | undefined;
  private pump: Promise<void> | null = null;
  private off: (() => void) | null = null;
  private deliver: ((batch: TransactionBatch) => Promise<void>) | null = null;
  private readonly pageSize: number;

  constructor(
    private readonly chain: LocalChain,
    private readonly sql: SqlClient,
    private readonly programId: Address,
    opts: LocalSourceOptions = {},
  ) {
    this.pageSize = opts.pageSize ?? 1000;
  }

  newestSlot(): bigint | undefined {
    return this.newest;
  }

  async start(from: IndexerCursor | undefined, deliver: (batch: TransactionBatch) => Promise<void>): Promise<void> {
    this.deliver = deliver;
    this.off = this.chain.onCommit((e) => this.onCommit(e));
    this.delivered = await this.seqOf(from);
    for (;;) {
      if (this.stopped) return;
      const page = await this.backlogAfter(this.delivered);
      if (page.length === 0) break;
      const last = page.at(-1)!;
      if (this.newest === undefined || last.slot > this.newest) this.newest = last.slot;
      await deliver({ transactions: page, seenAtMs: Date.now(), seenSlot: this.chain.slot });
      this.delivered = last.seq!;
    }
    this.live = true;
    this.kick();
    await this.flush();
  }

  async flush(): Promise<void> {
    while (this.pump !== null) await this.pump;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.off?.();
    this.off = null;
    await this.flush();
  }

  /** The seq the cursor stands at: its own, or its signature's in the store (a cursor an RPC source wrote). */
  private async seqOf(from: IndexerCursor | undefined): Promise<number> {
    if (!from) return -1;
    if (from.seq !== null) return from.seq;
    const { rows } = await this.sql.query<{ seq: unknown }>('SELECT seq FROM chain_transactions WHERE signature = $1', [from.signature]);
    return rows[0] ? Number(rows[0].seq) : -1;
  }

  private async backlogAfter(seq: number): Promise<IndexedTransaction[]> {
    const { rows } = await this.sql.query<StoredRow>(
      `SELECT t.signature, t.seq, t.slot, t.block_time, t.err, t.logs
       FROM chain_address_signatures s JOIN chain_transactions t ON t.signature = s.signature
       WHERE s.address = $1 AND s.seq > $2 ORDER BY s.seq LIMIT $3`,
      [this.programId, String(seq), this.pageSize],
    );
    return rows.map(fromRow);
  }

  private mentions(r: TransactionRecord): boolean {
    return r.accountKeys.includes(this.programId);
  }

  private onCommit(e: CommitEvent): void {
    if (this.stopped) return;
    const seenAtMs = Date.now();
    const seenSlot = this.chain.slot;
    let any = false;
    for (const r of e.transactions) {
      if (!this.mentions(r)) continue;
      this.pending.push({ tx: fromRecord(r), seenAtMs, seenSlot });
      if (this.newest === undefined || r.slot > this.newest) this.newest = r.slot;
      any = true;
    }
    if (any && this.live) this.kick();
  }

  private kick(): void {
    if (this.pump !== null || this.pending.length === 0) return;
    this.pump = this.drain().catch(() => undefined).finally(() => {
      this.pump = null;
      // Commits that arrived while the last delivery finished.
      if (this.pending.length > 0 && !this.stopped) this.kick();
    });
  }

  /** Delivers what is pending, coalesced (a slow write makes the next batch bigger, not the queue longer). */
  private async drain(): Promise<void> {
    while (this.pending.length > 0 && !this.stopped) {
      const taken = this.pending.splice(0, this.pageSize).filter((p) => p.tx.seq! > this.delivered);
      if (taken.length === 0) continue;
      const batch = taken.map((p) => p.tx);
      await this.deliver!({ transactions: batch, seenAtMs: taken[0]!.seenAtMs, seenSlot: taken[0]!.seenSlot });
      this.delivered = batch.at(-1)!.seq!;
    }
  }
}
