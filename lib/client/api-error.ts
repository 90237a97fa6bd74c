/**
 * A refused or failed API call. `code` is the stable code of the error body (`LEVERAGE_TOO_HIGH`, ...) or one of
 * the client's own: `NETWORK` (no answer), `BAD_RESPONSE` (an answer that is not the documented JSON),
 * `WALLET_NOT_CONNECTED`, `WALLET_CANNOT_SIGN`, `SIGNATURE_REJECTED`. `message` is the sentence to show.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: string;

  constructor({ status, code, message }: { status: number; code: string; message: string }) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** The sentence to show for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  return 'Something went wrong. Please try again.';
}
