import { chainInfo } from '@/lib/chain-runtime/chain-info';
import { handle } from '@/lib/http/handle';
import { HttpError } from '@/lib/http/errors';
import { getServices } from '@/lib/server/services';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/chain → `{ cluster, rpcUrl, programId, mints, oracles, errors }` (api.md § Reading). */
export const GET = handle(async (request: Request) => {
  const { chain } = await getServices();
  if (!chain) throw new HttpError(503, 'CHAIN_UNAVAILABLE', 'This server is not connected to a chain yet; try again in a moment.');
  const rpcUrl = chain.rpcUrl ?? new URL('/api/rpc', request.url).toString();
  return Response.json(chainInfo(chain, rpcUrl), { headers: { 'cache-control': 'no-store' } });
});
