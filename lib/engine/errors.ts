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

/** Brand of EngineError: `instanceof` fails across Next's bundles (see PROTOCOL_ERROR_BRAND in lib/math/errors.ts). */
const ENGINE_ERROR_BRAND = Symbol.for('poolperps.EngineError');

export class EngineError extends Error {
  readonly [ENGINE_ERROR_BRAND] = true;
  override name = 'EngineError';
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly details?: Record<string, string>,
  ) {
    super(message);
  }
}

export const isEngineError = (e: unknown): e is EngineError =>
  typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[ENGINE_ERROR_BRAND] === true;
