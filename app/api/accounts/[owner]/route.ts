import { handle } from '@/lib/http/handle';
import { ownerSchema } from '@/lib/http/ids';
import { parseOr400 } from '@/lib/http/parse';
import { wireResponse } from '@/lib/http/wire-json';
import type { Address } from '@solana/kit';
import { requireChain } from '@/lib/server/require-chain';
import { getServices } from '@/lib/server/services';
import { chainAccount } from '@/lib/chain-runtime/reads';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * GET /api/accounts/{owner} → `AccountWire`: the owner's token accounts, native SOL, positions and orders on chain
 * (an unknown wallet has zero balances); 400 INVALID_OWNER.
 */
export const GET = handle(async (_request: Request, context: { params: Promise<{ owner: string }> }) => {
  const owner = parseOr400(ownerSchema, (await context.params).owner, 'owner');
  const { chain, db } = await getServices();
  return wireResponse(await chainAccount(requireChain(chain), db.sql, owner as Address));
});
