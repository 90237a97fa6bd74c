/**
 * HTTP errors (api.md § Errors). Every refusal answers `{"error": {"code", "message"}}` with a stable code and a
 * sentence a person can act on. Codes raised by lib/math and the server (ProtocolError / ServiceError) are mapped
 * to statuses by `statusForCode`; codes raised here carry their own status. The codes of the HTTP layer itself:
 * - 400 INVALID_JSON, INVALID_REQUEST (shape: type, missing or extra field), INVALID_NUMBER (not a decimal string
 *   of digits), NUMBER_OUT_OF_RANGE (zero where meaningless, ≥ 2^128, fractionBps > 10000, ...), UNKNOWN_MARKET,
 *   UNKNOWN_TOKEN, UNKNOWN_POOL, UNKNOWN_FEED, INVALID_OWNER
 * - 403 DEVNET_DISABLED (dev routes); 404 NOT_FOUND (unknown /api path); 413 BODY_TOO_LARGE;
 *   415 UNSUPPORTED_MEDIA_TYPE; 500 INTERNAL (detail logged, never sent)
 */
export type HttpStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

export class HttpError extends Error {
  override name = 'HttpError';

  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Statuses of server and protocol codes that are not 422 ("a protocol rule refused it"). */
const STATUS_BY_CODE: Readonly<Record<string, HttpStatus>> = {
  NOT_FOUND: 404,
  POSITION_NOT_FOUND: 404,
  ORDER_NOT_FOUND: 404,
  NOT_OWNER: 403,
  DEVNET_DISABLED: 403,
  CONFLICT: 409,
  STATE_CONFLICT: 409,
  INVALID_PARAMS: 400,
  FAUCET_COOLDOWN: 429,
  ORACLE_STALE: 503,
  MARKET_CLOSED: 503,
  CHAIN_UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** The HTTP status for a server or protocol error code: listed above, else 422. */
export function statusForCode(code: string): HttpStatus {
  return STATUS_BY_CODE[code] ?? 422;
}

export function errorResponse(status: HttpStatus, code: string, message: string, extraHeaders: Record<string, string> = {}): Response {
  // A 413 leaves the rest of a chunked body unread: close the connection rather than reuse a broken one.
  const close: Record<string, string> = status === 413 ? { connection: 'close' } : {};
  return Response.json({ error: { code, message } }, { status, headers: { 'cache-control': 'no-store', ...close, ...extraHeaders } });
}
