import { getAddressEncoder, type Address } from '@solana/kit';
import type { AccountFilter } from './account-index';
import type { ChainCore } from './core';
import { decodeMessage, signatureFee } from './message';
import type { ChainStore } from './store';
import type { KeyedAccount, SignatureStatus } from './types';

export type TokenAccountsSelector = { readonly mint: Address } | { readonly programId: Address };

/** Token accounts of a wallet for one mint or one token program (`getTokenAccountsByOwner`). */
export function tokenAccountsByOwner(core: ChainCore, wallet: Address, selector: TokenAccountsSelector): KeyedAccount[] {
  if ('mint' in selector) {
    const mint: AccountFilter = { memcmp: { offset: 0, bytes: getAddressEncoder().encode(selector.mint) as Uint8Array } };
    return core.index.tokenAccountsOf(wallet, [mint]);
  }
  return core.index.tokenAccountsOf(wallet).filter((entry) => entry.account.owner === selector.programId);
}

/**
 * `getFeeForMessage`: the fee this chain would charge, or null when the message's blockhash is no longer valid
 * (agave looks the blockhash up in its queue). Throws InvalidTransactionError for bytes that are not a message.
 */
export function feeForMessage(core: ChainCore, messageBytes: Uint8Array): bigint | null {
  const message = decodeMessage(messageBytes);
  return core.blockhashes.isValid(message.blockhash) ? signatureFee(message) : null;
}

/**
 * `getSignatureStatuses`: the status cache answers recent signatures (the last 300 slots); with
 * `searchTransactionHistory` the store answers older ones too (agave's blockstore search).
 */
export async function signatureStatuses(
  core: ChainCore,
  store: ChainStore,
  signatures: readonly string[],
  searchTransactionHistory: boolean,
): Promise<(SignatureStatus | null)[]> {
  const out = signatures.map((s) => core.statuses.get(s) ?? null);
  if (!searchTransactionHistory) return out;
  const missing = signatures.filter((_, i) => out[i] === null);
  if (missing.length === 0) return out;
  const found = await store.getStatuses(missing);
  return out.map((status, i) => status ?? found.get(signatures[i] as string) ?? null);
}

export interface EpochInfo {
  readonly absoluteSlot: bigint;
  readonly blockHeight: bigint;
  readonly epoch: bigint;
  readonly slotIndex: bigint;
  readonly slotsInEpoch: bigint;
  readonly transactionCount: bigint;
}

export function epochInfo(core: ChainCore, slotsPerEpoch: bigint): EpochInfo {
  return {
    absoluteSlot: core.slot,
    blockHeight: core.slot,
    epoch: core.slot / slotsPerEpoch,
    slotIndex: core.slot % slotsPerEpoch,
    slotsInEpoch: slotsPerEpoch,
    transactionCount: core.transactionCount,
  };
}
