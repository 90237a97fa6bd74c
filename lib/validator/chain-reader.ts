import type { Address } from '@solana/kit';
import type { AccountFilter } from './account-index';
import type { ChainCore } from './core';
import type { Faucet } from './faucet';
import { MAX_PROCESSING_AGE, SLOTS_PER_EPOCH } from './programs';
import * as reads from './reads';
import type { ChainStore, SignaturesQuery } from './store';
import type { ChainAccount, KeyedAccount, SignatureInfo, SignatureStatus, TransactionRecord } from './types';

/**
 * The read side of the local chain (LocalChain extends it): committed state only, whatever commitment a client
 * asked for; accounts from the in-memory index, history from the store.
 */
export abstract class ChainReader {
  protected constructor(
    protected readonly store: ChainStore,
    protected core: ChainCore,
    protected readonly faucet: Faucet,
  ) {}

  get slot(): bigint {
    return this.core.slot;
  }

  /** No slot is ever skipped here, so the block height is the slot. */
  get blockHeight(): bigint {
    return this.core.slot;
  }

  get unixTimestamp(): bigint {
    return this.core.unixTimestamp;
  }

  get genesisHash(): string {
    return this.core.genesisHash;
  }

  get faucetAddress(): Address {
    return this.faucet.address;
  }

  get transactionCount(): bigint {
    return this.core.transactionCount;
  }

  latestBlockhash(): { blockhash: string; lastValidBlockHeight: bigint } {
    const latest = this.core.blockhashes.latest;
    return { blockhash: latest.blockhash, lastValidBlockHeight: latest.slot + BigInt(MAX_PROCESSING_AGE) };
  }

  isBlockhashValid(blockhash: string): boolean {
    return this.core.blockhashes.isValid(blockhash);
  }

  feeForMessage(message: Uint8Array): bigint | null {
    return reads.feeForMessage(this.core, message);
  }

  minimumBalanceForRentExemption(dataLength: bigint): bigint {
    return this.core.svm.minimumBalanceForRentExemption(dataLength);
  }

  epochInfo(): reads.EpochInfo {
    return reads.epochInfo(this.core, SLOTS_PER_EPOCH);
  }

  getAccount(address: Address): ChainAccount | null {
    return this.core.read(address);
  }

  getMultipleAccounts(addresses: readonly Address[]): (ChainAccount | null)[] {
    return addresses.map((a) => this.core.read(a));
  }

  getBalance(address: Address): bigint {
    return this.core.read(address)?.lamports ?? 0n;
  }

  getProgramAccounts(owner: Address, filters: readonly AccountFilter[] = []): KeyedAccount[] {
    return this.core.index.ofOwner(owner, filters);
  }

  getTokenAccountsByOwner(wallet: Address, selector: reads.TokenAccountsSelector): KeyedAccount[] {
    return reads.tokenAccountsByOwner(this.core, wallet, selector);
  }

  async getTransaction(signature: string): Promise<TransactionRecord | null> {
    return (await this.store.getTransaction(signature)) ?? null;
  }

  getSignaturesForAddress(address: Address, query: SignaturesQuery): Promise<readonly SignatureInfo[]> {
    return this.store.getSignaturesForAddress(address, query);
  }

  getSignatureStatuses(signatures: readonly string[], opts: { searchTransactionHistory?: boolean } = {}): Promise<(SignatureStatus | null)[]> {
    return reads.signatureStatuses(this.core, this.store, signatures, opts.searchTransactionHistory === true);
  }

}
