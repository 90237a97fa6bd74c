import { isServiceError } from '@/lib/server/service-error';
import { isProtocolError } from '@/lib/math/errors';
import { HttpError, errorResponse, statusForCode } from './errors';

/** Errors thrown by lib/math (ProtocolError) and the server (ServiceError, lib/server/service-error.ts): a stable upper-case `code`. */
function codedDomainError(error: unknown): { code: string; message: string; headers: Record<string, string> } | undefined {
  if (!isProtocolError(error) && !isServiceError(error)) return undefined;
  // FAUCET_COOLDOWN says when to come back: a 429 carries it as Retry-After.
  const retryAfterS = error.details?.retryAfterS;
  const headers: Record<string, string> = retryAfterS && /^\d+$/.test(retryAfterS) ? { 'retry-after': retryAfterS } : {};
  return { code: error.code, message: error.message, headers };
}

/** Maps any thrown value to the error response of api.md § Errors; unexpected ones are logged and answer 500. */
export function errorToResponse(error: unknown): Response {
  if (error instanceof HttpError) return errorResponse(error.status, error.code, error.message);
  const domain = codedDomainError(error);
  if (domain) return errorResponse(statusForCode(domain.code), domain.code, domain.message, domain.headers);
  console.error('[api] unexpected error', error);
  return errorResponse(500, 'INTERNAL', 'Something went wrong on the server; try again in a moment.');
}

/** Wraps a route handler so that every refusal becomes `{"error": {code, message}}` with its status. */
export function handle<C>(fn: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      return await fn(request, context);
    } catch (error) {
      return errorToResponse(error);
    }
  };
}
