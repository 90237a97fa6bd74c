import { devClockSchema } from '@/lib/http/dev-schemas';
import { handle } from '@/lib/http/handle';
import { parseOr400 } from '@/lib/http/parse';
import { readJsonBody } from '@/lib/http/read-body';
import { requireDevnet } from '@/lib/http/request-info';
import { wireResponse } from '@/lib/http/wire-json';
import { advanceDevClock } from '@/lib/server/dev-controls';
import { getServices } from '@/lib/server/services';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * POST /api/dev/clock `{ "advanceSeconds": N }` → `{ offsetS, nowS }`: moves the chain's clock forward (the Clock
 * sysvar follows at once; borrow fees accrue); 403 when devnet is off.
 */
export const POST = handle(async (request: Request) => {
  const services = await getServices();
  requireDevnet(services.config);
  const { advanceSeconds } = parseOr400(devClockSchema, await readJsonBody(request));
  return wireResponse(await advanceDevClock(services, advanceSeconds));
});
