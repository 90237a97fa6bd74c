import type { QuoteOpenParams } from '../action-params';
import type { TxContext } from '../tx-context';
import type { AccountView, HistoryEventView, MarketView, OpenQuoteView, PoolView } from '../views';

export async function readMarkets(_ctx: TxContext): Promise<MarketView[]> {
  throw new Error('not implemented yet');
}
export async function readPools(_ctx: TxContext): Promise<PoolView[]> {
  throw new Error('not implemented yet');
}
export async function readAccount(_ctx: TxContext, _owner: string): Promise<AccountView> {
  throw new Error('not implemented yet');
}
export async function readHistory(_ctx: TxContext, _owner: string, _limit: number): Promise<HistoryEventView[]> {
  throw new Error('not implemented yet');
}
export async function quoteOpen(_ctx: TxContext, _params: QuoteOpenParams): Promise<OpenQuoteView> {
  throw new Error('not implemented yet');
}
