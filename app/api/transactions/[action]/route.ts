import { handle } from '@/lib/http/handle';
import { HttpError } from '@/lib/http/errors';
import { readJsonBody } from '@/lib/http/read-body';
import { wireResponse } from '@/lib/http/wire-json';
import { getServices } from '@/lib/server/services';
import { TX_ACTIONS, buildTransaction, isTxAction } from '@/lib/tx-builder';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * POST /api/transactions/{action} `{ owner, params }` → `{ transaction, accounts: { position?, order? },
 * computeUnits, fee }` (api.md § Acting: transactions): one unsigned v0 transaction, simulated first; 404 for an
 * unknown action, 503 when this server runs no chain.
 */
export const POST = handle(async (request: Request, context: { params: Promise<{ action: string }> }) => {
  const { action } = await context.params;
  if (!isTxAction(action)) throw new HttpError(404, 'UNKNOWN_ACTION', `There is no action "${action.slice(0, 32)}"; use one of ${TX_ACTIONS.join(', ')}.`);
  const body = await readJsonBody(request);
  const { chain } = await getServices();
  if (!chain) throw new HttpError(503, 'CHAIN_UNAVAILABLE', 'This server is not connected to a chain; try again in a moment.');
  return wireResponse(await buildTransaction(chain, action, body), 200, { compress: false });
});
