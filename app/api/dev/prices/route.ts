import { devPricesSchema } from '@/lib/http/dev-schemas';
import { handle } from '@/lib/http/handle';
import { parseOr400 } from '@/lib/http/parse';
import { readJsonBody } from '@/lib/http/read-body';
import { requireDevnet } from '@/lib/http/request-info';
import { wireResponse } from '@/lib/http/wire-json';
import { setDevPrices } from '@/lib/server/dev-controls';
import { getServices } from '@/lib/server/services';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * POST /api/dev/prices `{ "SOL": "<price>", ... }` → `{ prices: [{feed, price, publishTime}] }`: switches those feeds
 * to manual and writes them on chain before answering (the keeper reacts as to any price update); 403 when devnet
 * is off.
 */
export const POST = handle(async (request: Request) => {
  const services = await getServices();
  requireDevnet(services.config);
  const prices = parseOr400(devPricesSchema, await readJsonBody(request));
  const updated = await setDevPrices(services, prices);
  return wireResponse({ prices: updated });
});
