import type { QuoteOpenParams } from '../action-params';
import type { TxContext } from '../tx-context';
import type { OpenQuoteView } from '../views';
import { planOpen, quoteFromPlan } from '../actions/open-position';

export { readMarkets } from './markets';
export { readPools, readPool } from './pools';
export { readAccount, readHistory, selectHistory } from './account';

/** `POST /api/quote/open`: the open path of `openPosition` (same checks), without writing. */
export async function quoteOpen(ctx: TxContext, params: QuoteOpenParams, owner?: string): Promise<OpenQuoteView> {
  return quoteFromPlan(ctx, await planOpen(ctx, owner, params));
}
