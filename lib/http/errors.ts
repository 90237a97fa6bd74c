/**
 * HTTP errors (api.md § Errors). Every refusal answers `{"error": {"code", "message"}}` with a stable code and a
 * sentence a person can act on. Codes raised by the engine (ProtocolError / EngineError) are mapped to statuses
 * by `statusForCode`; codes raised here carry their own status.
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

/** Statuses of engine and protocol codes that are not 422 ("a protocol rule refused it"). */
const STATUS_BY_CODE: Readonly<Record<string, HttpStatus>> = {
  NOT_FOUND: 404,
  POSITION_NOT_FOUND: 404,
  ORDER_NOT_FOUND: 404,
  NOT_OWNER: 403,
  DEVNET_DISABLED: 403,
  NONCE_REUSED: 409,
  CONFLICT: 409,
  STATE_CONFLICT: 409,
  INVALID_PARAMS: 400,
  FAUCET_COOLDOWN: 429,
  ORACLE_STALE: 503,
  MARKET_CLOSED: 503,
  INTERNAL: 500,
};

/** The HTTP status for an engine or protocol error code: listed above, else 422. */
export function statusForCode(code: string): HttpStatus {
  return STATUS_BY_CODE[code] ?? 422;
}

export function errorResponse(status: HttpStatus, code: string, message: string, extraHeaders: Record<string, string> = {}): Response {
  return Response.json({ error: { code, message } }, { status, headers: { 'cache-control': 'no-store', ...extraHeaders } });
}
