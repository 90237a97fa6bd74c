import { handle } from '@/lib/http/handle';
import { parseOr400 } from '@/lib/http/parse';
import { readJsonBody } from '@/lib/http/read-body';
import { wireResponse } from '@/lib/http/wire-json';
import { requireChain } from '@/lib/server/require-chain';
import { getServices } from '@/lib/server/services';
import { quoteOpenOnChain } from '@/lib/tx-builder';
import { chainQuoteSchema } from '@/lib/tx-builder/schemas';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * POST /api/quote/open → `OpenQuoteWire`: what opening would do now. On chain: the open planned over the chain's
 * state as the program executes it (lib/tx-builder/plan-open.ts, the ALP long posted in USDC swapped first).
 */
export const POST = handle(async (request: Request) => {
  const body = await readJsonBody(request);
  const { chain } = await getServices();
  return wireResponse(quoteOpenOnChain(requireChain(chain), parseOr400(chainQuoteSchema, body)));
});
