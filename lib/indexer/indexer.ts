/**
 * The indexer (issue 14): the program's events from confirmed transactions into `events` (history with
 * signatures, realised PnL, fees, volume, LP history), resuming after a restart at its cursor with no gap (the
 * cursor is written with the rows it covers) and no duplicate (rows are unique by signature and event index).
 * One among instances (leader.ts). Source: the local chain in this process, else a JSON-RPC (`rpcUrl`).
 */
import type { Database } from '@/lib/db/types';
import type { ChainRuntime } from '@/lib/chain-runtime/runtime';
import { readCursor, writeCursor } from './cursor';
import { startLeadership, type Leadership } from './leader';
import { LocalSource } from './local-source';
import { decodeTransactions, transactionRows } from './map';
import { OrderTokens } from './order-tokens';
import { RpcSource } from './rpc-source';
import { commitBatch } from './sink';
import type { IndexerCursor, TransactionBatch, TransactionSource } from './types';

export interface IndexerOptions {
  /** Default: 'local' when the runtime has a local chain, else 'rpc'. */
  source?: 'local' | 'rpc';
  /** The JSON-RPC to poll (required for the 'rpc' source). */
  rpcUrl?: string;
  pollMs?: number;
  /** How often a follower tries to take the lead (PostgreSQL). */
  leaseRetryMs?: number;
  /** A batch without rows advances the stored cursor at most this often (it is only the replay's start). */
  idleCursorMs?: number;
  /** Wait before retrying a batch whose write failed. */
  retryMs?: number;
  log?: (message: string) => void;
  /** After each batch is handled (figures for the bench and tests). */
  onBatch?: (info: BatchInfo) => void;
}

export interface BatchInfo {
  transactions: number;
  rows: number;
  /** Rows new to the table (a replay inserts 0). */
  inserted: number;
  firstSlot: bigint;
  lastSlot: bigint;
  /** The chain's slot when the batch was written (the local chain's; else the newest the source saw). */
  chainSlot: bigint;
  /** The chain's slot when its oldest transaction was confirmed (TransactionBatch.seenSlot). */
  seenSlot: bigint;
  /** From the source first seeing the oldest transaction of the batch to its rows being committed. */
  lagMs: number;
  /** Decoding, mapping and writing this batch. */
  handleMs: number;
  /** The database transaction alone (0 when nothing was written). */
  writeMs: number;
}

export interface IndexerStats {
  transactions: number;
  rows: number;
  inserted: number;
  batches: number;
  indexedSlot: bigint | undefined;
}

export interface Indexer {
  /** Stops the source, writes the cursor, gives up the lead. */
  stop(): Promise<void>;
  /** Slots between the newest program transaction the source has seen and the newest indexed (0: caught up). */
  lagSlots(): number;
  /** Resolves once this instance leads and has indexed the backlog that existed when it took the lead. */
  caughtUp: Promise<void>;
  leading(): boolean;
  /** Resolves when every transaction confirmed before the call is indexed (leader only; else at once). */
  flush(): Promise<void>;
  stats(): IndexerStats;
}

export type IndexerRuntime = Pick<ChainRuntime, 'local' | 'addresses' | 'ids'>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startIndexer(runtime: IndexerRuntime, db: Database, opts: IndexerOptions = {}): Indexer {
  const log = opts.log ?? ((m: string) => console.log(`[indexer] ${m}`));
  const programId = runtime.addresses.programId;
  const stream = programId;
  const kind = opts.source ?? (runtime.local ? 'local' : 'rpc');
  if (kind === 'rpc' && !opts.rpcUrl) throw new Error('the indexer needs rpcUrl when this process runs no local chain');
  if (kind === 'local' && !runtime.local) throw new Error('the local indexer source needs a local chain');
  const idleCursorMs = opts.idleCursorMs ?? 2_000;
  const retryMs = opts.retryMs ?? 500;
  const tokens = new OrderTokens();
  const ctx = { ids: runtime.ids, orderToken: tokens.orderToken, rememberOrder: tokens.rememberOrder };
  const stats: IndexerStats = { transactions: 0, rows: 0, inserted: 0, batches: 0, indexedSlot: undefined };

  let source: TransactionSource | undefined;
  let session = 0;
  let stopped = false;
  let unsaved: IndexerCursor | undefined;
  let savedAt = 0;
  let resolveCaughtUp: () => void = () => undefined;
  const caughtUp = new Promise<void>((resolve) => (resolveCaughtUp = resolve));

  const makeSource = (): TransactionSource =>
    kind === 'local'
      ? new LocalSource(runtime.local!, db.sql, programId)
      : new RpcSource(opts.rpcUrl!, programId, { pollMs: opts.pollMs, onError: (e) => log(`poll failed: ${e instanceof Error ? e.message : String(e)}`) });

  const handle = async (batch: TransactionBatch): Promise<void> => {
    const last = batch.transactions.at(-1);
    if (!last) return;
    const began = performance.now();
    const decoded = decodeTransactions(batch.transactions, programId);
    await tokens.prepare(db.sql, decoded);
    const rows = transactionRows(decoded, ctx);
    const cursor: IndexerCursor = { signature: last.signature, slot: last.slot, seq: last.seq };
    let inserted = 0;
    let writeMs = 0;
    if (rows.length === 0 && Date.now() - savedAt < idleCursorMs) {
      unsaved = cursor;
    } else {
      const writing = performance.now();
      inserted = await commitBatch(db, stream, rows, cursor);
      writeMs = performance.now() - writing;
      unsaved = undefined;
      savedAt = Date.now();
    }
    stats.transactions += batch.transactions.length;
    stats.rows += rows.length;
    stats.inserted += inserted;
    stats.batches += 1;
    stats.indexedSlot = last.slot;
    opts.onBatch?.({
      transactions: batch.transactions.length,
      rows: rows.length,
      inserted,
      firstSlot: batch.transactions[0]!.slot,
      lastSlot: last.slot,
      chainSlot: runtime.local?.slot ?? source?.newestSlot() ?? last.slot,
      seenSlot: batch.seenSlot,
      lagMs: Date.now() - batch.seenAtMs,
      handleMs: performance.now() - began,
      writeMs,
    });
  };

  /** A batch is retried until written: skipping one would be a gap. Ends without writing once deposed or stopped. */
  const deliverFor = (mine: number) => async (batch: TransactionBatch): Promise<void> => {
    for (;;) {
      if (stopped || session !== mine) return;
      try {
        return await handle(batch);
      } catch (e) {
        log(`batch of ${batch.transactions.length} failed, retrying: ${e instanceof Error ? e.message : String(e)}`);
        await sleep(retryMs);
      }
    }
  };

  const saveUnsaved = async () => {
    const cursor = unsaved;
    if (!cursor) return;
    unsaved = undefined;
    await writeCursor(db.sql, stream, cursor).catch((e: unknown) => log(`cursor not saved: ${e instanceof Error ? e.message : String(e)}`));
  };

  const lead = async (): Promise<void> => {
    const mine = ++session;
    for (;;) {
      if (stopped || session !== mine) return;
      const s = makeSource();
      try {
        const from = await readCursor(db.sql, stream);
        source = s;
        log(`leading (${kind} source) from ${from ? `slot ${from.slot}` : 'the first transaction'}`);
        await s.start(from, deliverFor(mine));
        if (session === mine && !stopped) resolveCaughtUp();
        return;
      } catch (e) {
        log(`start failed, retrying: ${e instanceof Error ? e.message : String(e)}`);
        await s.stop().catch(() => undefined);
        if (source === s) source = undefined;
        await sleep(retryMs);
      }
    }
  };

  const depose = async (): Promise<void> => {
    session += 1;
    const s = source;
    source = undefined;
    await s?.stop();
    unsaved = undefined;
  };

  const leadership: Leadership = startLeadership(db, { retryMs: opts.leaseRetryMs ?? 2_000, lead, depose, log });

  return {
    caughtUp,
    leading: () => leadership.leading(),
    lagSlots() {
      const newest = source?.newestSlot();
      if (newest === undefined || !leadership.leading()) return 0;
      const indexed = stats.indexedSlot ?? -1n;
      return newest > indexed ? Number(newest - indexed) : 0;
    },
    async flush() {
      await source?.flush();
    },
    stats: () => ({ ...stats }),
    async stop() {
      stopped = true;
      const s = source;
      source = undefined;
      await s?.stop();
      await saveUnsaved();
      await leadership.stop();
    },
  };
}
