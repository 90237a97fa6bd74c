import { handle } from '@/lib/http/handle';
import { wireResponse } from '@/lib/http/wire-json';
import { healthOf } from '@/lib/server/dev-controls';
import { getServices } from '@/lib/server/services';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/health → `{ ok, oracle: {mode, stale}, db, devnet, nowS, chain: {cluster, slot} }` (api.md § Reading). */
export const GET = handle(async () => {
  const services = await getServices();
  const { chain } = services;
  return wireResponse({ ...(await healthOf(services)), chain: chain ? { cluster: chain.cluster, slot: chain.slot().toString() } : null });
});
