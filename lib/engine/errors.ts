/**
 * Refusals of the engine that are not protocol rules (those are `ProtocolError` from lib/math/errors.ts). Same
 * shape: a stable `code` and a sentence a person can act on. A refused action changes nothing.
 */
export type EngineErrorCode =
  | 'NONCE_REUSED'
  | 'NOT_FOUND'
  | 'NOT_OWNER'
  | 'FAUCET_COOLDOWN'
  | 'FAUCET_LIMIT'
  | 'DEVNET_DISABLED'
  | 'ORACLE_STALE'
  | 'MARKET_CLOSED'
  | 'INSUFFICIENT_BALANCE'
  | 'INVALID_PARAMS'
  | 'UNSUPPORTED_COLLATERAL'
  | 'STATE_CONFLICT';

export class EngineError extends Error {
  override name = 'EngineError';
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly details?: Record<string, string>,
  ) {
    super(message);
  }
}

export const isEngineError = (e: unknown): e is EngineError => e instanceof EngineError;
