import type { Address } from '@solana/kit';
import type { ChainCore } from './core';
import { InvalidTransactionError, SignatureVerificationError } from './errors';
import { lifetimeError } from './lifetime';
import {
  allAccountKeys,
  decodeTransaction,
  NO_LOADED_ADDRESSES,
  replaceBlockhash,
  resolveLookups,
  signatureFee,
  type LoadedAddresses,
} from './message';
import type { ChainAccount, InnerInstructionSet, ReturnData, TransactionErrorJson } from './types';

export interface SimulationOptions {
  /** Verify signatures (RPC default false). */
  readonly sigVerify?: boolean;
  /** Run it with the latest blockhash instead of its own (RPC default false; not with `sigVerify`). */
  readonly replaceRecentBlockhash?: boolean;
  /** Accounts to return as they would be after the transaction. */
  readonly accounts?: readonly Address[];
}

export interface SimulationResult {
  readonly err: TransactionErrorJson | null;
  readonly logs: readonly string[];
  readonly unitsConsumed: bigint;
  readonly returnData: ReturnData | null;
  readonly innerInstructions: readonly InnerInstructionSet[];
  /** For `accounts`: their state after the transaction (all null when it fails, as agave). */
  readonly accounts: readonly (ChainAccount | null)[] | null;
  readonly replacementBlockhash: { readonly blockhash: string; readonly lastValidBlockHeight: bigint } | null;
  readonly fee: bigint;
  readonly loadedAddresses: LoadedAddresses;
  readonly preBalances: readonly bigint[];
  readonly postBalances: readonly bigint[];
}

/**
 * agave's `simulateTransaction`: decode, optionally replace the blockhash, check its age and the status cache (a
 * stale one simulates to `BlockhashNotFound`, a processed one to `AlreadyProcessed`), optionally verify signatures
 * (a failure is -32003, not a result), then execute on a copy of the state. Nothing changes.
 */
export function simulateTransaction(core: ChainCore, wire: Uint8Array, opts: SimulationOptions = {}): SimulationResult {
  const sigVerify = opts.sigVerify ?? false;
  let tx = decodeTransaction(wire);
  let replacementBlockhash: SimulationResult['replacementBlockhash'] = null;
  if (opts.replaceRecentBlockhash === true) {
    if (sigVerify) throw new InvalidTransactionError('sigVerify may not be used with replaceRecentBlockhash');
    const latest = core.blockhashes.latest;
    tx = decodeTransaction(replaceBlockhash(tx, latest.blockhash));
    replacementBlockhash = { blockhash: latest.blockhash, lastValidBlockHeight: latest.slot + 150n };
  }
  const loaded = resolveLookups(tx, (a) => core.svm.getAccount(a)) ?? NO_LOADED_ADDRESSES;
  const keys = allAccountKeys(tx, loaded);
  const pre = keys.map((k) => core.svm.getAccount(k));
  const base = { replacementBlockhash, fee: signatureFee(tx), loadedAddresses: loaded, preBalances: pre.map((a) => a?.lamports ?? 0n) };
  const stale = lifetimeError(core, tx);
  if (stale !== null) {
    const nulls = opts.accounts?.map(() => null) ?? null;
    return { ...base, err: stale, logs: [], unitsConsumed: 0n, returnData: null, innerInstructions: [], accounts: nulls, postBalances: base.preBalances };
  }
  const sim = core.svm.simulate(tx.wire, tx.version, sigVerify);
  if (sigVerify && sim.err === 'SignatureFailure') throw new SignatureVerificationError();
  const after = new Map<Address, ChainAccount>(sim.postAccounts.map((p) => [p.address, p.account]));
  const stateOf = (address: Address): ChainAccount | null => after.get(address) ?? core.svm.getAccount(address);
  const accounts = opts.accounts === undefined ? null : opts.accounts.map((a) => (sim.err === null ? stateOf(a) : null));
  return {
    ...base,
    err: sim.err,
    logs: sim.logs,
    unitsConsumed: sim.unitsConsumed,
    returnData: sim.returnData,
    innerInstructions: sim.innerInstructions,
    accounts,
    postBalances: keys.map((k, i) => (sim.err === null ? (stateOf(k)?.lamports ?? 0n) : (pre[i]?.lamports ?? 0n))),
  };
}
