import { verifySignedIntent } from '@/lib/auth/verify-intent';
import { toActionRequest } from '@/lib/http/action-request';
import { actionResultBody } from '@/lib/http/action-result';
import { handle } from '@/lib/http/handle';
import { readJsonBody } from '@/lib/http/read-body';
import { expectedDomain } from '@/lib/http/request-info';
import { wireResponse } from '@/lib/http/wire-json';
import { getServices } from '@/lib/server/services';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * POST /api/actions `{message, signature, publicKey}` (api.md § Acting): verify the signed intent, parse its
 * params, run the action in one engine transaction (which consumes the nonce), answer its result (`actionResultBody`).
 */
export const POST = handle(async (request: Request) => {
  const body = await readJsonBody(request);
  const { config, engine } = await getServices();
  const intent = verifySignedIntent({ body, expectedDomain: expectedDomain(request, config.appDomain), nowMs: Date.now() });
  return wireResponse(actionResultBody(await engine.execute(toActionRequest(intent))), 200, { compress: false });
});
