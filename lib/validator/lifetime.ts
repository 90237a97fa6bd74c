import { getBase58Decoder } from '@solana/kit';
import type { ChainCore } from './core';
import type { DecodedTransaction } from './message';
import { SYSTEM_PROGRAM } from './programs';
import type { TransactionErrorJson } from './types';

/** System program `AdvanceNonceAccount` (instruction 4) and the nonce account layout (`nonce::state::Versions`). */
const ADVANCE_NONCE = 4;
const NONCE_ACCOUNT_SIZE = 80;
const NONCE_INITIALIZED = 1;

/**
 * Whether the transaction is a valid durable-nonce transaction (agave `check_transaction_for_nonce`): its first
 * instruction advances a system-owned, initialised nonce account whose stored nonce is the transaction's
 * "blockhash", and the nonce authority signs that instruction.
 */
function isValidNonceTransaction(core: ChainCore, tx: DecodedTransaction): boolean {
  const first = tx.instructions[0];
  if (first === undefined || tx.staticAccounts[first.programAddressIndex] !== SYSTEM_PROGRAM) return false;
  if (first.data.length < 4 || new DataView(first.data.buffer, first.data.byteOffset).getUint32(0, true) !== ADVANCE_NONCE) {
    return false;
  }
  const nonceIndex = first.accountIndices[0];
  const nonceAddress = nonceIndex === undefined ? undefined : tx.staticAccounts[nonceIndex];
  if (nonceAddress === undefined) return false;
  const account = core.svm.getAccount(nonceAddress);
  if (account === null || account.owner !== SYSTEM_PROGRAM || account.data.length !== NONCE_ACCOUNT_SIZE) return false;
  const view = new DataView(account.data.buffer, account.data.byteOffset, account.data.byteLength);
  if (view.getUint32(4, true) !== NONCE_INITIALIZED) return false;
  const base58 = getBase58Decoder();
  const authority = base58.decode(account.data.subarray(8, 40));
  const durableNonce = base58.decode(account.data.subarray(40, 72));
  if (durableNonce !== tx.blockhash) return false;
  return first.accountIndices.some((i) => i < tx.header.numSignerAccounts && tx.staticAccounts[i] === authority);
}

/**
 * Solana's age and replay checks (agave `check_transactions`): the blockhash must be among the last 150 blocks' (or
 * the transaction must be a valid durable-nonce one), then its signature must not be in the status cache.
 */
export function lifetimeError(core: ChainCore, tx: DecodedTransaction): TransactionErrorJson | null {
  if (!core.blockhashes.isValid(tx.blockhash) && !isValidNonceTransaction(core, tx)) return 'BlockhashNotFound';
  if (core.statuses.has(tx.signature)) return 'AlreadyProcessed';
  return null;
}
