import { handle } from '@/lib/http/handle';
import { wireResponse } from '@/lib/http/wire-json';
import { getServices } from '@/lib/server/services';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/health → `{ ok, oracle: {mode, stale}, db, devnet, nowS, chain: {cluster, slot} }` (api.md § Reading). */
export const GET = handle(async () => {
  const { engine, chain } = await getServices();
  const health = await engine.getHealth();
  return wireResponse({ ...health, chain: chain ? { cluster: chain.cluster, slot: chain.slot().toString() } : null });
});
