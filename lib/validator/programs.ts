import { address, type Address } from '@solana/kit';
import type { ChainAccount } from './types';

/** Addresses of the programs and sysvars the chain itself knows about. */
export const SYSTEM_PROGRAM: Address = address('11111111111111111111111111111111');
export const SYSVAR_OWNER: Address = address('Sysvar1111111111111111111111111111111111111');
export const NATIVE_LOADER: Address = address('NativeLoader1111111111111111111111111111111');
export const BPF_LOADER_DEPRECATED: Address = address('BPFLoader1111111111111111111111111111111111');
export const BPF_LOADER: Address = address('BPFLoader2111111111111111111111111111111111');
export const BPF_LOADER_UPGRADEABLE: Address = address('BPFLoaderUpgradeab1e11111111111111111111111');
export const TOKEN_PROGRAM: Address = address('TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA');
export const TOKEN_2022_PROGRAM: Address = address('TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb');
/**
 * An account that does not exist: an empty system account, as agave shows a deleted one (PubSub) and as LiteSVM
 * takes one to remove (set with 0 lamports).
 */
export const EMPTY_ACCOUNT: ChainAccount = { lamports: 0n, owner: SYSTEM_PROGRAM, executable: false, rentEpoch: 0n, data: new Uint8Array(0) };
export const ADDRESS_LOOKUP_TABLE_PROGRAM: Address = address('AddressLookupTab1e1111111111111111111111111');
export const MEMO_PROGRAM: Address = address('MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr');
export const MEMO_V1_PROGRAM: Address = address('Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo');

/** Signature-verification precompiles: each instruction's first data byte counts signatures the fee charges. */
export const PRECOMPILES: ReadonlySet<string> = new Set([
  'Ed25519SigVerify111111111111111111111111111',
  'KeccakSecp256k11111111111111111111111111111',
  'Secp256r1SigVerify1111111111111111111111111',
]);

/** Owners whose accounts exist in every fresh LiteSVM (builtins, sysvars, its bundled SPL programs). */
export const BUILTIN_OWNERS: readonly Address[] = [
  NATIVE_LOADER,
  SYSVAR_OWNER,
  BPF_LOADER,
  BPF_LOADER_DEPRECATED,
  BPF_LOADER_UPGRADEABLE,
  TOKEN_PROGRAM,
  TOKEN_2022_PROGRAM,
];

export function isTokenProgram(owner: string): boolean {
  return owner === TOKEN_PROGRAM || owner === TOKEN_2022_PROGRAM;
}

/** Solana's fee: 5,000 lamports per signature (`FeeStructure::default`). */
export const LAMPORTS_PER_SIGNATURE = 5000n;
/** `MAX_PROCESSING_AGE`: a blockhash is valid while it is at most this many blocks old. */
export const MAX_PROCESSING_AGE = 150;
/** Statuses kept in memory (agave's status cache keeps `MAX_CACHE_ENTRIES` = 300 slots). */
export const STATUS_CACHE_SLOTS = 300n;
export const SLOTS_PER_EPOCH = 432_000n;
