import type { Address } from '@solana/kit';
import type {
  ChainAccount,
  ChainStateSnapshot,
  KeyedAccount,
  SignatureInfo,
  SignatureStatus,
  TransactionErrorJson,
  TransactionRecord,
} from './types';

/** One group commit: everything it holds is written in one database transaction, or nothing is. */
export interface CommitBatch {
  /** The last state of each account the batch wrote; `null` deletes the account (0 lamports). */
  readonly accounts: ReadonlyMap<Address, ChainAccount | null>;
  /** In execution order. */
  readonly transactions: readonly TransactionRecord[];
  readonly state: ChainStateSnapshot;
}

export interface RecentStatus {
  readonly signature: string;
  readonly slot: bigint;
  readonly err: TransactionErrorJson | null;
  readonly blockhash: string;
}

export interface SignaturesQuery {
  readonly limit: number;
  /** Only signatures older than this one (exclusive). */
  readonly before?: string;
  /** Only signatures newer than this one (exclusive). */
  readonly until?: string;
}

/** The local chain's persistence port (`lib/validator/store-sql.ts` implements it on the `Database` port). */
export interface ChainStore {
  /** The chain's saved state, or undefined when the store holds no chain yet (genesis). */
  loadState(): Promise<ChainStateSnapshot | undefined>;
  /** Every account, in pages of bulk reads. */
  loadAccounts(pageSize?: number): AsyncIterable<readonly KeyedAccount[]>;
  /** Statuses of the transactions executed at or after `fromSlot`, in execution order. */
  loadRecentStatuses(fromSlot: bigint): Promise<readonly RecentStatus[]>;
  commit(batch: CommitBatch): Promise<void>;
  getTransaction(signature: string): Promise<TransactionRecord | undefined>;
  getStatuses(signatures: readonly string[]): Promise<ReadonlyMap<string, SignatureStatus>>;
  /** Newest first. */
  getSignaturesForAddress(address: Address, query: SignaturesQuery): Promise<readonly SignatureInfo[]>;
}
