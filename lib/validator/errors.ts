import { transactionErrorText } from './tx-error-text';
import type { ReturnData, TransactionErrorJson } from './types';

/**
 * Brand of the chain's errors. Next bundles each route apart from the instrumentation bundle that owns the chain,
 * so an error thrown by the chain is an instance of another copy of these classes and `instanceof` would be false
 * (a preflight refusal then answered -32603): each class checks its brand instead, one symbol per process.
 */
const KIND = Symbol.for('poolperps.ChainErrorKind');

function hasKind(value: unknown, kind: string): boolean {
  const kinds = typeof value === 'object' && value !== null ? (value as Record<symbol, unknown>)[KIND] : undefined;
  return Array.isArray(kinds) && kinds.includes(kind);
}

/** Base of the chain's refusals; the RPC layer maps each kind onto Solana's JSON-RPC error codes. */
export class ChainError extends Error {
  readonly [KIND]: string[] = ['ChainError'];
  static [Symbol.hasInstance](value: unknown): boolean {
    return hasKind(value, 'ChainError');
  }
}

/** Marks `error` as also of `kind` (each subclass's constructor). */
function brand(error: ChainError, kind: string): void {
  error[KIND].push(kind);
}

/** The bytes are not a transaction (or a message) this chain can decode. */
export class InvalidTransactionError extends ChainError {
  constructor(message?: string) {
    super(message);
    brand(this, 'InvalidTransactionError');
  }
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasKind(value, 'InvalidTransactionError');
  }
}

/** Preflight found a signature that does not verify (agave answers -32003 before simulating). */
export class SignatureVerificationError extends ChainError {
  constructor() {
    super('Transaction signature verification failure');
    brand(this, 'SignatureVerificationError');
  }
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasKind(value, 'SignatureVerificationError');
  }
}

export interface RejectionDetails {
  readonly err: TransactionErrorJson;
  readonly logs: readonly string[];
  readonly unitsConsumed: bigint;
  readonly returnData: ReturnData | null;
}

/**
 * The transaction was not executed and changed nothing: its preflight simulation failed (`preflight`), or, sent
 * with `skipPreflight`, it could not be processed at all (`notProcessed`: a stale blockhash, a duplicate, a fee payer
 * that cannot pay). Real Solana answers the latter with the signature and drops the transaction; this chain says so.
 */
export class TransactionRejectedError extends ChainError {
  constructor(
    readonly kind: 'preflight' | 'notProcessed',
    readonly details: RejectionDetails,
  ) {
    super(
      kind === 'preflight'
        ? `Transaction simulation failed: ${transactionErrorText(details.err)}`
        : `Transaction was not processed: ${transactionErrorText(details.err)}`,
    );
    brand(this, 'TransactionRejectedError');
  }
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasKind(value, 'TransactionRejectedError');
  }
}

/** The database refused the commit holding this transaction: nothing of it survives (the chain reloads). */
export class CommitFailedError extends ChainError {
  constructor(readonly cause: unknown) {
    super(`The chain could not persist the transaction: ${cause instanceof Error ? cause.message : String(cause)}`);
    brand(this, 'CommitFailedError');
  }
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasKind(value, 'CommitFailedError');
  }
}

/** The chain is closed. */
export class ChainClosedError extends ChainError {
  constructor() {
    super('The local chain is closed');
    brand(this, 'ChainClosedError');
  }
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasKind(value, 'ChainClosedError');
  }
}
