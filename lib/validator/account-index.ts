import type { Address } from '@solana/kit';
import { tokenAccountOwner } from './token-layout';
import type { ChainAccount, KeyedAccount } from './types';

/** A filter of `getProgramAccounts`: `memcmp` compares raw bytes at an offset; `dataSize` the data length. */
export type AccountFilter =
  | { readonly memcmp: { readonly offset: number; readonly bytes: Uint8Array } }
  | { readonly dataSize: number };

function matches(account: ChainAccount, filters: readonly AccountFilter[]): boolean {
  for (const filter of filters) {
    if ('dataSize' in filter) {
      if (account.data.length !== filter.dataSize) return false;
      continue;
    }
    const { offset, bytes } = filter.memcmp;
    // agave's `Memcmp::bytes_match`: the compared range must lie within the data.
    if (offset + bytes.length > account.data.length) return false;
    for (let i = 0; i < bytes.length; i++) if (account.data[offset + i] !== bytes[i]) return false;
  }
  return true;
}

function add(map: Map<string, Set<Address>>, key: string, address: Address): void {
  let set = map.get(key);
  if (set === undefined) {
    set = new Set();
    map.set(key, set);
  }
  set.add(address);
}

function remove(map: Map<string, Set<Address>>, key: string, address: Address): void {
  const set = map.get(key);
  if (set === undefined) return;
  set.delete(address);
  if (set.size === 0) map.delete(key);
}

/**
 * Every account the chain has, in memory, with secondary indexes by owner program and, for token accounts, by the
 * wallet that owns them. LiteSVM cannot list its accounts; this can, so `getProgramAccounts` is a scan of one
 * owner's set, not of the chain.
 */
export class AccountIndex {
  private readonly accounts = new Map<Address, ChainAccount>();
  private readonly byOwner = new Map<string, Set<Address>>();
  private readonly tokensByWallet = new Map<string, Set<Address>>();

  get size(): number {
    return this.accounts.size;
  }

  get(address: Address): ChainAccount | undefined {
    return this.accounts.get(address);
  }

  /** Writes an account; `null` or 0 lamports deletes it (the runtime removes an account left with no lamports). */
  set(address: Address, account: ChainAccount | null): void {
    const previous = this.accounts.get(address);
    if (previous !== undefined) {
      remove(this.byOwner, previous.owner, address);
      const wallet = tokenAccountOwner(previous);
      if (wallet !== null) remove(this.tokensByWallet, wallet, address);
    }
    if (account === null || account.lamports === 0n) {
      this.accounts.delete(address);
      return;
    }
    this.accounts.set(address, account);
    add(this.byOwner, account.owner, address);
    const wallet = tokenAccountOwner(account);
    if (wallet !== null) add(this.tokensByWallet, wallet, address);
  }

  ofOwner(owner: Address, filters: readonly AccountFilter[] = []): KeyedAccount[] {
    return this.collect(this.byOwner.get(owner), filters);
  }

  /** Token accounts (Token and Token-2022) whose wallet owner is `wallet`. */
  tokenAccountsOf(wallet: Address, filters: readonly AccountFilter[] = []): KeyedAccount[] {
    return this.collect(this.tokensByWallet.get(wallet), filters);
  }

  *entries(): IterableIterator<[Address, ChainAccount]> {
    yield* this.accounts.entries();
  }

  private collect(addresses: ReadonlySet<Address> | undefined, filters: readonly AccountFilter[]): KeyedAccount[] {
    const out: KeyedAccount[] = [];
    if (addresses === undefined) return out;
    for (const address of addresses) {
      const account = this.accounts.get(address);
      if (account !== undefined && matches(account, filters)) out.push({ address, account });
    }
    return out;
  }
}
