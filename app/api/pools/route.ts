import { handle } from '@/lib/http/handle';
import { wireResponse } from '@/lib/http/wire-json';
import { requireChain } from '@/lib/server/require-chain';
import { getServices } from '@/lib/server/services';
import { chainPools } from '@/lib/chain-runtime/reads';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/pools → `PoolWire[]` (api.md § Reading), from the chain's accounts. */
export const GET = handle(async () => {
  const { chain, db } = await getServices();
  return wireResponse(await chainPools(requireChain(chain), db.sql));
});
