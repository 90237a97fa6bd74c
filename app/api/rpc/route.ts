import { handleRpcText } from '@/lib/rpc';
import { handle } from '@/lib/http/handle';
import { HttpError } from '@/lib/http/errors';
import { readTextBody } from '@/lib/http/read-body';
import { getServices } from '@/lib/server/services';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Largest JSON-RPC body (a batch of requests): 1 MB. */
const MAX_RPC_BYTES = 1024 * 1024;
/** Answers shorter than this are not worth compressing. */
const SMALL_ANSWER_CHARS = 2_048;

/**
 * POST /api/rpc: Solana JSON-RPC 2.0 of the local chain (api.md § Acting; lib/rpc). Answers Solana's own wire
 * format and error objects, with HTTP 200 as Solana RPC servers do.
 */
export const POST = handle(async (request: Request) => {
  const { chain } = await getServices();
  if (!chain?.local) throw new HttpError(503, 'NO_LOCAL_CHAIN', 'This server runs no local chain; send JSON-RPC to the cluster in GET /api/chain.');
  const text = await readTextBody(request, MAX_RPC_BYTES);
  const answer = await handleRpcText(chain.local, text);
  // A small answer (a signature, a status: ~100 bytes) is sent as is (`no-transform`: Next's compression skips it):
  // gzip cost 7% of the server's CPU per transaction in the throughput bench (bench/README.md). Large ones
  // (getProgramAccounts) are still compressed.
  const cacheControl = answer.length < SMALL_ANSWER_CHARS ? 'no-store, no-transform' : 'no-store';
  return new Response(answer, { headers: { 'content-type': 'application/json', 'cache-control': cacheControl } });
});
