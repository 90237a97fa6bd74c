import { handleRpcText } from '@/lib/rpc';
import { MAX_RPC_BYTES, rpcCacheControl } from '@/lib/rpc/http-answer';
import { handle } from '@/lib/http/handle';
import { HttpError } from '@/lib/http/errors';
import { readTextBody } from '@/lib/http/read-body';
import { getServices } from '@/lib/server/services';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * POST /api/rpc: Solana JSON-RPC 2.0 of the local chain (api.md § Acting; lib/rpc). Answers Solana's own wire
 * format and error objects, with HTTP 200 as Solana RPC servers do.
 */
export const POST = handle(async (request: Request) => {
  const { chain } = await getServices();
  if (!chain?.local) throw new HttpError(503, 'NO_LOCAL_CHAIN', 'This server runs no local chain; send JSON-RPC to the cluster in GET /api/chain.');
  const text = await readTextBody(request, MAX_RPC_BYTES);
  const answer = await handleRpcText(chain.local, text);
  return new Response(answer, { headers: { 'content-type': 'application/json', 'cache-control': rpcCacheControl(answer) } });
});
