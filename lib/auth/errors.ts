/**
 * Refusals of a signed intent (api.md § Acting). Each has a stable `code` the UI maps to a sentence and an HTTP
 * `status`: 400 when the envelope is malformed, 401 when it is well formed but does not authorise the action.
 * (A reused nonce is the engine's `NONCE_REUSED`, 409: it is consumed inside the action's transaction.)
 */
export type AuthErrorCode =
  | 'INVALID_INTENT'
  | 'INVALID_PUBLIC_KEY'
  | 'BAD_SIGNATURE'
  | 'OWNER_MISMATCH'
  | 'DOMAIN_MISMATCH'
  | 'INTENT_EXPIRED'
  | 'EXPIRY_TOO_FAR';

const STATUS: Record<AuthErrorCode, 400 | 401> = {
  INVALID_INTENT: 400,
  INVALID_PUBLIC_KEY: 400,
  BAD_SIGNATURE: 401,
  OWNER_MISMATCH: 401,
  DOMAIN_MISMATCH: 401,
  INTENT_EXPIRED: 401,
  EXPIRY_TOO_FAR: 401,
};

export class AuthError extends Error {
  override name = 'AuthError';
  readonly status: 400 | 401;

  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const isAuthError = (e: unknown): e is AuthError => e instanceof AuthError;
