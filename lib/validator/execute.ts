import type { Address } from '@solana/kit';
import type { ChainCore } from './core';
import type { RejectionDetails } from './errors';
import { EMPTY_ACCOUNT } from './programs';
import { allAccountKeys, NO_LOADED_ADDRESSES, resolveLookups, signatureFee, writableKeys, type DecodedTransaction } from './message';
import { extractMemo, tokenBalances } from './tx-details';
import type { ChainAccount, TransactionRecord } from './types';

export interface ExecutedTransaction {
  readonly record: TransactionRecord;
  /** The accounts the transaction could have written, read back from LiteSVM (`null`: deleted). */
  readonly writes: ReadonlyMap<Address, ChainAccount | null>;
  /** The same keys as `writes`, as they were before (`null`: did not exist): what `revertTransaction` restores. */
  readonly before: ReadonlyMap<Address, ChainAccount | null>;
}

export type ExecutionOutcome =
  | { readonly included: true; readonly executed: ExecutedTransaction }
  | { readonly included: false; readonly rejection: RejectionDetails };

/**
 * Runs one transaction in LiteSVM and records what it did. LiteSVM, like Solana, charges the fee of a transaction
 * that fails while executing (its other writes are dropped) and records it with its error; a transaction that
 * fails before that (unknown fee payer, fee not payable, bad signature, unloadable program...) changes nothing and is
 * not included. The two are told apart by the fee payer's balance. Every writable key (the fee payer first, then the
 * static writable keys, then those loaded from lookup tables) is read back after execution; LiteSVM deletes an
 * account left with 0 lamports, so it reads back as `null`. The accounts a fresh LiteSVM starts with (builtins,
 * sysvars, bundled programs) are never written out: they are recreated identical on restart.
 */
export function executeTransaction(
  core: ChainCore,
  tx: DecodedTransaction,
  at: { readonly slot: bigint; readonly blockTime: bigint; readonly seq: number },
): ExecutionOutcome {
  const { svm } = core;
  const loaded = resolveLookups(tx, (a) => svm.getAccount(a)) ?? NO_LOADED_ADDRESSES;
  const keys = allAccountKeys(tx, loaded);
  const pre = keys.map((k) => svm.getAccount(k));
  const out = svm.execute(tx.wire, tx.version);
  const written = new Map<Address, ChainAccount | null>();
  for (const key of writableKeys(tx, loaded)) written.set(key, svm.getAccount(key));
  const post = keys.map((k, i) => (written.has(k) ? (written.get(k) ?? null) : (pre[i] ?? null)));
  const payerBefore = pre[0]?.lamports ?? 0n;
  const payerAfter = post[0]?.lamports ?? 0n;
  if (out.err !== null && payerBefore === payerAfter) {
    return { included: false, rejection: { err: out.err, logs: out.logs, unitsConsumed: out.unitsConsumed, returnData: out.returnData } };
  }
  const writes = new Map<Address, ChainAccount | null>();
  const before = new Map<Address, ChainAccount | null>();
  keys.forEach((key, i) => {
    if (written.has(key) && !core.builtins.has(key)) {
      writes.set(key, written.get(key) ?? null);
      before.set(key, pre[i] ?? null);
    }
  });
  const mintOf = (mint: Address): ChainAccount | null => (written.has(mint) ? (written.get(mint) ?? null) : svm.getAccount(mint));
  const record: TransactionRecord = {
    signature: tx.signature,
    seq: at.seq,
    slot: at.slot,
    blockTime: at.blockTime,
    blockhash: tx.blockhash,
    version: tx.version,
    err: out.err,
    logs: out.logs,
    computeUnits: out.unitsConsumed,
    fee: signatureFee(tx),
    accountKeys: keys,
    loadedWritable: loaded.writable,
    loadedReadonly: loaded.readonly,
    preBalances: pre.map((a) => a?.lamports ?? 0n),
    postBalances: post.map((a) => a?.lamports ?? 0n),
    preTokenBalances: tokenBalances(keys, pre, mintOf),
    postTokenBalances: tokenBalances(keys, post, mintOf),
    innerInstructions: out.innerInstructions,
    returnData: out.returnData,
    memo: extractMemo(tx),
    wire: tx.wire,
  };
  return { included: true, executed: { record, writes, before } };
}

/**
 * Undoes an executed transaction that has not been committed: every account it wrote is set back to its state
 * before. The preflight of `sendTransaction` uses it: executing and reverting a transaction that fails is the
 * simulation agave's preflight runs (same state, same clock, same program: the same error, logs and units), and a
 * transaction that succeeds is executed once instead of twice. A transaction that failed while executing changed
 * only its fee payer (and the accounts its fee touched); those are what this restores.
 */
export function revertTransaction(core: ChainCore, executed: ExecutedTransaction): void {
  for (const [key, account] of executed.before) {
    if (!sameAccount(executed.writes.get(key) ?? null, account)) core.svm.setAccount(key, account ?? EMPTY_ACCOUNT);
  }
}

function sameAccount(a: ChainAccount | null, b: ChainAccount | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.lamports !== b.lamports || a.owner !== b.owner || a.executable !== b.executable || a.rentEpoch !== b.rentEpoch) return false;
  const x = a.data;
  const y = b.data;
  return x.length === y.length && x.every((byte, i) => byte === y[i]);
}
