/**
 * Unsigned transactions for every action (api.md § Acting: transactions): `{ owner, params }` parsed strictly,
 * the accounts derived from chain state, one v0 transaction assembled and simulated (assemble.ts); a refusal is an
 * HttpError with the program's code. `POST /api/transactions/{action}` and bots use `buildTransaction`.
 */
import type { Address } from '@solana/kit';
import type { ChainRuntime } from '@/lib/chain-runtime/runtime';
import { parseOr400 } from '@/lib/http/parse';
import { assemble, type BuiltTransaction, type Draft } from './assemble';
import { protocolRefusal } from './errors';
import { buildAddLiquidity, buildRemoveLiquidity, buildSwap } from './liquidity';
import { buildCancelOrder, buildPlaceLimitOrder } from './orders';
import { envelopeSchema, txParamSchemas, type TxAction, type TxParams } from './schemas';
import { buildAddCollateral, buildClosePosition, buildOpenPosition, buildRemoveCollateral, buildSetTpSl } from './trade';

export { TX_ACTIONS, isTxAction, type TxAction } from './schemas';
export type { BuiltTransaction } from './assemble';
export { quoteOpenOnChain } from './quote';

type Builder<A extends TxAction> = (chain: ChainRuntime, owner: Address, params: TxParams[A]) => Promise<Draft>;

const BUILDERS: { [A in TxAction]: Builder<A> } = {
  openPosition: buildOpenPosition,
  closePosition: buildClosePosition,
  addCollateral: buildAddCollateral,
  removeCollateral: buildRemoveCollateral,
  setTpSl: buildSetTpSl,
  placeLimitOrder: buildPlaceLimitOrder,
  cancelOrder: buildCancelOrder,
  addLiquidity: buildAddLiquidity,
  removeLiquidity: buildRemoveLiquidity,
  swap: buildSwap,
};

/** Parses `body` for `action`, builds and simulates its transaction (400 / 4xx refusals as HttpError). */
export async function buildTransaction<A extends TxAction>(chain: ChainRuntime, action: A, body: unknown): Promise<BuiltTransaction> {
  const envelope = parseOr400(envelopeSchema, body);
  const params = parseOr400(txParamSchemas[action], envelope.params, 'params') as TxParams[A];
  let draft: Draft;
  try {
    draft = await (BUILDERS[action] as Builder<A>)(chain, envelope.owner, params);
  } catch (error) {
    throw protocolRefusal(error) ?? error;
  }
  return assemble(chain, envelope.owner, draft);
}
