import type { Address } from '@solana/kit';
import type { ChainCore } from './core';
import type { CommitBatch } from './store';
import type { ChainAccount, TransactionRecord } from './types';

/** What one caller hands the group commit: an executed transaction and its writes, or a genesis write. */
export interface CommitItem {
  readonly record?: TransactionRecord;
  readonly writes: ReadonlyMap<Address, ChainAccount | null>;
}

export interface CommitEvent {
  readonly transactions: readonly TransactionRecord[];
  readonly accounts: ReadonlyMap<Address, ChainAccount | null>;
}

/**
 * The batch for the store: each account's last write in execution order, the transactions, and the chain state
 * (its sequence counters those of the batch's last transaction, so a crash never leaves them ahead of the data).
 */
export function buildCommitBatch(core: ChainCore, items: readonly CommitItem[]): CommitBatch {
  const accounts = new Map<Address, ChainAccount | null>();
  const transactions: TransactionRecord[] = [];
  for (const item of items) {
    for (const [address, account] of item.writes) {
      accounts.delete(address);
      accounts.set(address, account);
    }
    if (item.record !== undefined) transactions.push(item.record);
  }
  const last = transactions[transactions.length - 1];
  const committedSeq = last === undefined ? core.committedSeq : last.seq + 1;
  const count = core.transactionCount + BigInt(transactions.length);
  return { accounts, transactions, state: core.snapshot(committedSeq, count) };
}

/** After the commit: the index and the status cache show the batch; the event for listeners. */
export function applyCommitted(core: ChainCore, items: readonly CommitItem[]): CommitEvent {
  const transactions: TransactionRecord[] = [];
  const accounts = new Map<Address, ChainAccount | null>();
  for (const item of items) {
    for (const [address, account] of item.writes) {
      core.index.set(address, account);
      accounts.set(address, account);
    }
    if (item.record === undefined) continue;
    core.statuses.markCommitted(item.record.signature);
    core.committedSeq = item.record.seq + 1;
    core.transactionCount += 1n;
    transactions.push(item.record);
  }
  return { transactions, accounts };
}
