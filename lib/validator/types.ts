import type { Address } from '@solana/kit';

/**
 * An account as the runtime holds it (Solana's `Account`): every u64 is a bigint. Treated as immutable: a write
 * replaces the object, so readers may keep references.
 */
export interface ChainAccount {
  readonly lamports: bigint;
  readonly owner: Address;
  readonly executable: boolean;
  readonly rentEpoch: bigint;
  readonly data: Uint8Array;
}

export interface KeyedAccount {
  readonly address: Address;
  readonly account: ChainAccount;
}

/** Solana's `InstructionError` as serde writes it in JSON: a variant name, `{"Custom": n}` or `{"BorshIoError": s}`. */
export type InstructionErrorJson = string | { readonly Custom: number } | { readonly BorshIoError: string };

/**
 * Solana's `TransactionError` as the RPC writes it (serde's externally tagged enum), e.g. `"BlockhashNotFound"` or
 * `{"InstructionError":[0,{"Custom":6003}]}`.
 */
export type TransactionErrorJson =
  | string
  | { readonly InstructionError: readonly [number, InstructionErrorJson] }
  | { readonly DuplicateInstruction: number }
  | { readonly InsufficientFundsForRent: { readonly account_index: number } }
  | { readonly ProgramExecutionTemporarilyRestricted: { readonly account_index: number } };

export interface ReturnData {
  readonly programId: Address;
  readonly data: Uint8Array;
}

/** One instruction a program invoked (CPI), in the compiled form of `getTransaction`'s `innerInstructions`. */
export interface CompiledInnerInstruction {
  readonly programIdIndex: number;
  readonly accounts: readonly number[];
  readonly data: Uint8Array;
  readonly stackHeight: number;
}

export interface InnerInstructionSet {
  /** Index of the top-level instruction that made these calls. */
  readonly index: number;
  readonly instructions: readonly CompiledInnerInstruction[];
}

/** `preTokenBalances` / `postTokenBalances` entries: amount is the raw u64. */
export interface TokenBalance {
  readonly accountIndex: number;
  readonly mint: Address;
  readonly owner: Address;
  readonly programId: Address;
  readonly amount: bigint;
  readonly decimals: number;
}

/** Everything the chain records of an executed transaction (what `getTransaction` answers). */
export interface TransactionRecord {
  readonly signature: string;
  /** Global execution order (0, 1, 2, …): the order of `getSignaturesForAddress` within a slot. */
  readonly seq: number;
  readonly slot: bigint;
  readonly blockTime: bigint;
  readonly blockhash: string;
  readonly version: 'legacy' | 0;
  readonly err: TransactionErrorJson | null;
  readonly logs: readonly string[];
  readonly computeUnits: bigint;
  readonly fee: bigint;
  /** Static keys, then the keys loaded from lookup tables (writable, then readonly): the order of the balances. */
  readonly accountKeys: readonly Address[];
  readonly loadedWritable: readonly Address[];
  readonly loadedReadonly: readonly Address[];
  readonly preBalances: readonly bigint[];
  readonly postBalances: readonly bigint[];
  readonly preTokenBalances: readonly TokenBalance[];
  readonly postTokenBalances: readonly TokenBalance[];
  readonly innerInstructions: readonly InnerInstructionSet[];
  readonly returnData: ReturnData | null;
  readonly memo: string | null;
  readonly wire: Uint8Array;
}

export interface SignatureStatus {
  readonly slot: bigint;
  readonly err: TransactionErrorJson | null;
}

export interface SignatureInfo {
  readonly signature: string;
  readonly slot: bigint;
  readonly err: TransactionErrorJson | null;
  readonly memo: string | null;
  readonly blockTime: bigint;
}

export interface BlockhashEntry {
  readonly slot: bigint;
  readonly blockhash: string;
}

/** The chain's clock and bookkeeping, stored with every commit. */
export interface ChainStateSnapshot {
  readonly slot: bigint;
  readonly unixTimestamp: bigint;
  /** The recent blockhashes, oldest first (the newest is the slot's). */
  readonly blockhashes: readonly BlockhashEntry[];
  readonly genesisHash: string;
  /** Seed (32 bytes) of the faucet keypair that signs airdrops. */
  readonly faucetSeed: Uint8Array;
  readonly nextSeq: number;
  readonly transactionCount: bigint;
}
