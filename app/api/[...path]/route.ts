import { errorResponse } from '@/lib/http/errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Any /api path without a route answers a JSON 404 (api.md § Errors), not the HTML page. */
function notFound(request: Request): Response {
  const { pathname } = new URL(request.url);
  return errorResponse(404, 'NOT_FOUND', `There is no API route ${request.method} ${pathname.slice(0, 200)}; see the API list in the README.`);
}

export const GET = async (request: Request) => notFound(request);
export const POST = GET;
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
