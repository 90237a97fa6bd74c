import { handle } from '@/lib/http/handle';
import { wireResponse } from '@/lib/http/wire-json';
import { getServices } from '@/lib/server/services';
import { chainMarkets } from '@/lib/chain-runtime/reads';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/markets → `MarketWire[]` (api.md § Reading), from the chain's accounts. */
export const GET = handle(async () => {
  const { engine, chain, db } = await getServices();
  return wireResponse(chain ? await chainMarkets(chain, db.sql) : await engine.getMarkets());
});
