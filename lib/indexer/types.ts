/** The indexer's shapes: what a source delivers, where it resumes, and the history rows it writes. */
import type { HistoryKind } from '@/lib/client/wire';
import type { MarketId, PoolId, Side } from '@/lib/math/ids';

/** One confirmed transaction that named the program: what the indexer needs of `getTransaction`. */
export interface IndexedTransaction {
  signature: string;
  slot: bigint;
  /** Unix seconds (the block's time: the Clock sysvar's on the local chain). */
  blockTime: bigint;
  /** The local chain's execution order (chain_transactions.seq); null from an RPC. */
  seq: number | null;
  /** Failed transactions change nothing: their log lines are never read as events. */
  failed: boolean;
  logs: readonly string[];
}

/** The resume point: the last transaction indexed (rows or not). */
export interface IndexerCursor {
  signature: string;
  slot: bigint;
  seq: number | null;
}

export interface TransactionBatch {
  /** Oldest first, in chain order. */
  transactions: readonly IndexedTransaction[];
  /** When the source first saw the oldest of them (Date.now()), for the lag figures. */
  seenAtMs: number;
  /** The chain's slot then (local: the slot when it was confirmed; RPC: the newest slot the round saw). */
  seenSlot: bigint;
}

/**
 * Where confirmed transactions come from: the local chain's commits (and its store for the backlog), or a JSON-RPC
 * polled with getSignaturesForAddress + getTransaction. Delivery is in chain order, one batch at a time: the next
 * batch waits for `deliver` to resolve, so the cursor written with a batch covers every transaction before it.
 */
export interface TransactionSource {
  readonly kind: 'local' | 'rpc';
  /**
   * Delivers every program transaction after `from` (from the first when undefined), then the new ones as they
   * are confirmed. Resolves once the backlog that existed at the call has been delivered.
   */
  start(from: IndexerCursor | undefined, deliver: (batch: TransactionBatch) => Promise<void>): Promise<void>;
  /** Slot of the newest program transaction this source has seen (undefined before the first). */
  newestSlot(): bigint | undefined;
  /** Resolves when every transaction confirmed before the call has been delivered. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/** A history row (the `events` table, as lib/engine/store/events.ts writes it) with where it came from on chain. */
export interface HistoryRow {
  signature: string;
  /** Null where the writer did not know it (a faucet draw recorded without its slot). */
  slot: bigint | null;
  /** The event's position among the program's events of its transaction (faucet rows: negative). */
  eventIndex: number;
  /** Unix seconds. */
  at: bigint;
  owner: string;
  kind: HistoryKind;
  pool: PoolId | null;
  market: MarketId | null;
  side: Side | null;
  sizeUsd: bigint | null;
  price: bigint | null;
  realizedPnlUsd: bigint | null;
  /** Fees the pool kept (USD): counted into the pools' `fees7dUsd`. */
  feesUsd: bigint | null;
  details: Record<string, string | number | null>;
}

/** The columns an event decides (the transaction fills in signature, slot, index and time). */
export type RowFields = Omit<HistoryRow, 'signature' | 'slot' | 'eventIndex' | 'at'>;
