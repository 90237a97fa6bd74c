/**
 * `POST /api/quote/open` from the chain (api.md: "exactly what opening would do now, computed by the code that
 * previews it"): the open planned over the chain snapshot as the program executes it (plan-open.ts), answered in
 * v1's shape; a refusal is the same ProtocolError (and status) the engine's quote gave.
 */
import type { ChainRuntime } from '@/lib/chain-runtime/runtime';
import { planChainOpen, quoteOfPlan, type OpenQuote, type OpenRequest } from './plan-open';

export function quoteOpenOnChain(chain: ChainRuntime, request: OpenRequest): OpenQuote {
  const s = chain.snapshot();
  return quoteOfPlan(s, planChainOpen(s, request));
}
