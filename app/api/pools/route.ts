import { handle } from '@/lib/http/handle';
import { wireResponse } from '@/lib/http/wire-json';
import { getServices } from '@/lib/server/services';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/pools → `PoolWire[]` (api.md § Reading). */
export const GET = handle(async () => {
  const { engine } = await getServices();
  return wireResponse(await engine.getPools());
});
