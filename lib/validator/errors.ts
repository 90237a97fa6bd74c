import { transactionErrorText } from './tx-error-text';
import type { ReturnData, TransactionErrorJson } from './types';

/** Base of the chain's refusals; the RPC layer maps each kind onto Solana's JSON-RPC error codes. */
export class ChainError extends Error {}

/** The bytes are not a transaction (or a message) this chain can decode. */
export class InvalidTransactionError extends ChainError {}

/** Preflight found a signature that does not verify (agave answers -32003 before simulating). */
export class SignatureVerificationError extends ChainError {
  constructor() {
    super('Transaction signature verification failure');
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
  }
}

/** The database refused the commit holding this transaction: nothing of it survives (the chain reloads). */
export class CommitFailedError extends ChainError {
  constructor(readonly cause: unknown) {
    super(`The chain could not persist the transaction: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** The chain is closed. */
export class ChainClosedError extends ChainError {
  constructor() {
    super('The local chain is closed');
  }
}
