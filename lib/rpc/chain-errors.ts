import {
  ChainClosedError,
  CommitFailedError,
  InvalidTransactionError,
  SignatureVerificationError,
  TransactionRejectedError,
  type RejectionDetails,
} from '@/lib/validator';
import {
  invalidParams,
  RPC_INTERNAL_ERROR,
  RPC_NODE_UNHEALTHY,
  RPC_SEND_TRANSACTION_PREFLIGHT_FAILURE,
  RPC_TRANSACTION_SIGNATURE_VERIFICATION_FAILURE,
  RpcError,
} from './errors';

function returnDataJson(details: Pick<RejectionDetails, 'returnData'>): { programId: string; data: [string, 'base64'] } | null {
  const r = details.returnData;
  return r === null ? null : { programId: r.programId, data: [Buffer.from(r.data).toString('base64'), 'base64'] };
}

/** agave's `RpcSimulateTransactionResult` for a preflight failure (no accounts, no inner instructions). */
export function preflightData(details: RejectionDetails): Record<string, unknown> {
  return {
    err: details.err,
    logs: details.logs,
    accounts: null,
    unitsConsumed: details.unitsConsumed,
    returnData: returnDataJson(details),
    innerInstructions: null,
    replacementBlockhash: null,
  };
}

/**
 * The chain's refusals as Solana's JSON-RPC errors: a failed preflight (and, here, a transaction that could not be
 * processed) is -32002 with the simulation in `data`, as web3.js's SendTransactionError and kit expect; a bad
 * signature -32003; undecodable bytes -32602; a closed chain -32005 (node unhealthy); a failed commit -32603.
 */
export function rpcErrorOf(error: unknown): RpcError {
  if (error instanceof RpcError) return error;
  if (error instanceof TransactionRejectedError) {
    return new RpcError(RPC_SEND_TRANSACTION_PREFLIGHT_FAILURE, error.message, preflightData(error.details));
  }
  if (error instanceof SignatureVerificationError) {
    return new RpcError(RPC_TRANSACTION_SIGNATURE_VERIFICATION_FAILURE, error.message);
  }
  if (error instanceof InvalidTransactionError) return invalidParams(error.message);
  if (error instanceof ChainClosedError) return new RpcError(RPC_NODE_UNHEALTHY, 'Node is unhealthy', { numSlotsBehind: null });
  if (error instanceof CommitFailedError) return new RpcError(RPC_INTERNAL_ERROR, `Internal error: ${error.message}`);
  return new RpcError(RPC_INTERNAL_ERROR, 'Internal error');
}

export { returnDataJson };
