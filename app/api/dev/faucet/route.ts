import type { Address } from '@solana/kit';
import { z } from 'zod';
import { drawFaucet } from '@/lib/chain-runtime/faucet';
import { recordFaucetDraw } from '@/lib/indexer';
import { ownerSchema, tokenIdSchema } from '@/lib/http/ids';
import { uintString } from '@/lib/http/decimal';
import { handle } from '@/lib/http/handle';
import { HttpError } from '@/lib/http/errors';
import { parseOr400 } from '@/lib/http/parse';
import { readJsonBody } from '@/lib/http/read-body';
import { requireDevnet } from '@/lib/http/request-info';
import { wireResponse } from '@/lib/http/wire-json';
import { getServices } from '@/lib/server/services';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const bodySchema = z.strictObject({ owner: ownerSchema, token: tokenIdSchema.optional(), amount: uintString({ min: 1n }).optional() });

/**
 * POST /api/dev/faucet `{ owner, token?, amount? }` → `{ signature, received }` (api.md § Local network controls):
 * §9's basket (or one token) to the owner's token accounts, SOL for fees; 429 within a minute of the last draw of
 * a token; 403 when devnet is off.
 */
export const POST = handle(async (request: Request) => {
  const { config, chain, db } = await getServices();
  requireDevnet(config);
  if (!chain) throw new HttpError(503, 'CHAIN_UNAVAILABLE', 'This server runs no local chain; use the faucet of the server that does.');
  const body = parseOr400(bodySchema, await readJsonBody(request));
  const result = await drawFaucet(chain, db.sql, { owner: body.owner as Address, token: body.token, amount: body.amount });
  await recordFaucetDraw(db, { owner: body.owner, received: result.received, signature: result.signature, at: chain.nowS(), slot: chain.slot() });
  return wireResponse(result);
});
