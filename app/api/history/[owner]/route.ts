import { z } from 'zod';
import { handle } from '@/lib/http/handle';
import { ownerSchema } from '@/lib/http/ids';
import { parseOr400 } from '@/lib/http/parse';
import { wireResponse } from '@/lib/http/wire-json';
import { getServices } from '@/lib/server/services';
import { selectHistory } from '@/lib/views/history';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const limitSchema = z.union([z.undefined(), z.string().regex(/^[1-9][0-9]{0,2}$/).transform(Number)], {
  error: 'must be a whole number from 1 to 500',
}).refine((n) => n === undefined || n <= 500, { message: 'must be a whole number from 1 to 500' });

/** GET /api/history/{owner}?limit=N (1–500, default 200) → `HistoryEventWire[]`, newest first. */
export const GET = handle(async (request: Request, context: { params: Promise<{ owner: string }> }) => {
  const owner = parseOr400(ownerSchema, (await context.params).owner, 'owner');
  const limit = parseOr400(limitSchema, new URL(request.url).searchParams.get('limit') ?? undefined, 'limit');
  const { db } = await getServices();
  return wireResponse(await selectHistory(db.sql, owner, limit ?? 200));
});
