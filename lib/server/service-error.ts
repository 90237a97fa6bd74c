/**
 * Refusals of the server (faucet, dev controls, reads) that are not protocol rules (those are `ProtocolError` from
 * lib/math/errors.ts, and the program's own on chain). Same shape: a stable `code` and a sentence a person can act
 * on. A refused request changes nothing.
 */
export type ServiceErrorCode =
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
  | 'STATE_CONFLICT'
  | 'CHAIN_UNAVAILABLE';

/** Brand of ServiceError: `instanceof` fails across Next's bundles (see PROTOCOL_ERROR_BRAND in lib/math/errors.ts). */
const SERVICE_ERROR_BRAND = Symbol.for('poolperps.ServiceError');

export class ServiceError extends Error {
  readonly [SERVICE_ERROR_BRAND] = true;
  override name = 'ServiceError';
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly details?: Record<string, string>,
  ) {
    super(message);
  }
}

export const isServiceError = (e: unknown): e is ServiceError =>
  typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[SERVICE_ERROR_BRAND] === true;
