import { handle } from '@/lib/http/handle';
import { wireResponse } from '@/lib/http/wire-json';
import { requireChain } from '@/lib/server/require-chain';
import { getServices } from '@/lib/server/services';
import { chainMarkets } from '@/lib/chain-runtime/reads';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/markets → `MarketWire[]` (api.md § Reading), from the chain's accounts. */
export const GET = handle(async () => {
  const { chain, db } = await getServices();
  return wireResponse(await chainMarkets(requireChain(chain), db.sql));
});
