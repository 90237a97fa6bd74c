import { quoteOpenSchema } from '@/lib/http/action-schemas';
import { handle } from '@/lib/http/handle';
import { parseOr400 } from '@/lib/http/parse';
import { readJsonBody } from '@/lib/http/read-body';
import { wireResponse } from '@/lib/http/wire-json';
import { getServices } from '@/lib/server/services';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST /api/quote/open → `OpenQuoteWire`: what opening would do now, by the engine's own open path. */
export const POST = handle(async (request: Request) => {
  const params = parseOr400(quoteOpenSchema, await readJsonBody(request));
  const { engine } = await getServices();
  return wireResponse(await engine.quoteOpen(params));
});
