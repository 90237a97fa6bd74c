import { handle } from '@/lib/http/handle';
import { getServices } from '@/lib/server/services';
import { candlesResponse } from './candles-response';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/candles?market=SOL&interval=1m&limit=300 (api.md): 1m candles and their roll-ups, ascending. */
export const GET = handle(async (request: Request) => {
  const { db, clock } = await getServices();
  return candlesResponse(new URL(request.url), { sql: db.sql, clock });
});
