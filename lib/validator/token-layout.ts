import type { Address } from '@solana/kit';
import { addressAt } from '@/lib/chain/bytes';
import { isTokenProgram, TOKEN_2022_PROGRAM } from './programs';
import type { ChainAccount } from './types';

/** SPL Token's packed layouts (Token and Token-2022's base state; Token-2022 extensions follow byte 165). */
export const TOKEN_ACCOUNT_SIZE = 165;
export const MINT_SIZE = 82;
const ACCOUNT_TYPE_MINT = 1;
const ACCOUNT_TYPE_ACCOUNT = 2;

export interface TokenAccountState {
  readonly mint: Address;
  readonly owner: Address;
  readonly amount: bigint;
  readonly delegate: Address | null;
  readonly state: 'uninitialized' | 'initialized' | 'frozen';
  readonly isNative: bigint | null;
  readonly delegatedAmount: bigint;
  readonly closeAuthority: Address | null;
}

export interface MintState {
  readonly mintAuthority: Address | null;
  readonly supply: bigint;
  readonly decimals: number;
  readonly isInitialized: boolean;
  readonly freezeAuthority: Address | null;
}

function view(data: Uint8Array): DataView {
  return new DataView(data.buffer, data.byteOffset, data.byteLength);
}

/** The address at `offset` (the 32-byte fast path: the index reads every token account's owner on restore). */
function key(data: Uint8Array, offset: number): Address {
  return addressAt(data, offset);
}

function optionKey(data: Uint8Array, offset: number): Address | null {
  return view(data).getUint32(offset, true) === 1 ? key(data, offset + 4) : null;
}

function kind(account: ChainAccount): 'account' | 'mint' | null {
  if (!isTokenProgram(account.owner)) return null;
  const { data } = account;
  if (data.length === TOKEN_ACCOUNT_SIZE) return 'account';
  if (data.length === MINT_SIZE) return 'mint';
  if (account.owner !== TOKEN_2022_PROGRAM || data.length <= TOKEN_ACCOUNT_SIZE) return null;
  if (data[TOKEN_ACCOUNT_SIZE] === ACCOUNT_TYPE_ACCOUNT) return 'account';
  if (data[TOKEN_ACCOUNT_SIZE] === ACCOUNT_TYPE_MINT) return 'mint';
  return null;
}

/** Whether the account holds an initialised token account (Token or Token-2022). */
export function isTokenAccount(account: ChainAccount): boolean {
  return kind(account) === 'account' && (account.data[108] ?? 0) !== 0;
}

/** The wallet that owns a token account (bytes 32..64), without decoding the rest. */
export function tokenAccountOwner(account: ChainAccount): Address | null {
  return isTokenAccount(account) ? key(account.data, 32) : null;
}

export function parseTokenAccount(account: ChainAccount): TokenAccountState | null {
  if (!isTokenAccount(account)) return null;
  const { data } = account;
  const v = view(data);
  const state = data[108] === 2 ? 'frozen' : 'initialized';
  return {
    mint: key(data, 0),
    owner: key(data, 32),
    amount: v.getBigUint64(64, true),
    delegate: optionKey(data, 72),
    state,
    isNative: v.getUint32(109, true) === 1 ? v.getBigUint64(113, true) : null,
    delegatedAmount: v.getBigUint64(121, true),
    closeAuthority: optionKey(data, 129),
  };
}

export function parseMint(account: ChainAccount): MintState | null {
  if (kind(account) !== 'mint') return null;
  const { data } = account;
  const v = view(data);
  return {
    mintAuthority: optionKey(data, 0),
    supply: v.getBigUint64(36, true),
    decimals: data[44] ?? 0,
    isInitialized: data[45] === 1,
    freezeAuthority: optionKey(data, 46),
  };
}

/** Whether a Token-2022 account carries extensions (its state is longer than the base layout). */
export function hasTokenExtensions(account: ChainAccount): boolean {
  return account.data.length > TOKEN_ACCOUNT_SIZE;
}
