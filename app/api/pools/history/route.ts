import { z } from 'zod';
import { handle } from '@/lib/http/handle';
import { poolIdSchema } from '@/lib/http/ids';
import { parseOr400 } from '@/lib/http/parse';
import { wireResponse } from '@/lib/http/wire-json';
import { getServices } from '@/lib/server/services';
import { readLpHistory } from '@/lib/views/lp-history';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const limitSchema = z
  .union([z.undefined(), z.string().regex(/^[1-9][0-9]{0,3}$/).transform(Number)], {
    error: 'must be a whole number from 1 to 1000',
  })
  .refine((n) => n === undefined || n <= 1000, { message: 'must be a whole number from 1 to 1000' });

/**
 * GET /api/pools/history?pool=ALP&limit=N (1–1000, default 500) → `[{time, lpPriceUsd, aumUsd, supply}]`, oldest
 * first: the LP price snapshots recorded once a minute from the chain's pools (lib/views/lp-snapshots.ts) (the earn page's chart).
 */
export const GET = handle(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const pool = parseOr400(poolIdSchema, params.get('pool') ?? undefined, 'pool');
  const limit = parseOr400(limitSchema, params.get('limit') ?? undefined, 'limit');
  const { db } = await getServices();
  return wireResponse(await readLpHistory(db.sql, pool, limit ?? 500));
});
