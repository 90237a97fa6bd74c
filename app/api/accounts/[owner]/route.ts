import { handle } from '@/lib/http/handle';
import { ownerSchema } from '@/lib/http/ids';
import { parseOr400 } from '@/lib/http/parse';
import { wireResponse } from '@/lib/http/wire-json';
import { getServices } from '@/lib/server/services';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/accounts/{owner} → `AccountWire` (an unknown wallet has zero balances); 400 INVALID_OWNER. */
export const GET = handle(async (_request: Request, context: { params: Promise<{ owner: string }> }) => {
  const owner = parseOr400(ownerSchema, (await context.params).owner, 'owner');
  const { engine } = await getServices();
  return wireResponse(await engine.getAccount(owner));
});
