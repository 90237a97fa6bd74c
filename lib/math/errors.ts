/**
 * The one error type of the protocol: every refusal is a `ProtocolError` with a stable `code` (tests and the UI
 * key on it) and a message a person can act on ("Leverage 150x is above this market's maximum of 100x.").
 */

export const ERROR_CODES = [
  'LEVERAGE_TOO_HIGH',
  'LEVERAGE_TOO_LOW',
  'COLLATERAL_TOO_SMALL',
  'INSUFFICIENT_LIQUIDITY',
  'OPEN_INTEREST_CAP',
  'POSITION_TOO_LARGE',
  'RATIO_OUT_OF_BAND',
  'SLIPPAGE',
  'MIN_OUT_NOT_MET',
  'MARKET_CLOSED',
  'ORACLE_STALE',
  'INSUFFICIENT_BALANCE',
  'INVALID_TAKE_PROFIT',
  'INVALID_STOP_LOSS',
  'INVALID_TRIGGER',
  'TOO_MANY_ORDERS',
  'REMAINING_COLLATERAL_TOO_SMALL',
  'AMOUNT_TOO_SMALL',
  'UNSUPPORTED_COLLATERAL',
  'INVALID_SWAP',
  'POOL_EMPTY',
  'NOT_FOUND',
  'NOT_OWNER',
  'INVALID_AMOUNT',
  'INVALID_PRICE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Brand of ProtocolError. Next bundles each route apart from the instrumentation bundle that owns the engine, so a
 * ProtocolError thrown by the engine is an instance of another copy of this class: `instanceof` would be false.
 * `Symbol.for` is one symbol per process, whatever the bundle.
 */
const PROTOCOL_ERROR_BRAND = Symbol.for('poolperps.ProtocolError');

/** A refusal of a protocol rule: `code` is stable, `message` a sentence a person can act on, `details` decimal strings. */
export class ProtocolError extends Error {
  readonly [PROTOCOL_ERROR_BRAND] = true;
  readonly code: ErrorCode;
  readonly details?: Record<string, string>;

  constructor(code: ErrorCode, message: string, details?: Record<string, string>) {
    super(message);
    this.name = 'ProtocolError';
    this.code = code;
    if (details) this.details = details;
  }
}

/** Type guard for ProtocolError (route handlers map it to api.md status codes with protocolErrorStatus). */
export function isProtocolError(e: unknown): e is ProtocolError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[PROTOCOL_ERROR_BRAND] === true;
}

/**
 * HTTP status for a code (api.md § Errors): 503 when the market is closed or the oracle stale, 404 / 403 for
 * NOT_FOUND / NOT_OWNER, 422 for every other protocol refusal.
 */
export function protocolErrorStatus(code: ErrorCode): 403 | 404 | 422 | 503 {
  if (code === 'MARKET_CLOSED' || code === 'ORACLE_STALE') return 503;
  if (code === 'NOT_FOUND') return 404;
  if (code === 'NOT_OWNER') return 403;
  return 422;
}
