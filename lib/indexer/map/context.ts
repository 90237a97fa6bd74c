/** What mapping an event to a row needs besides the event: the deployment's ids and the tokens of open orders. */
import type { Address } from '@solana/kit';
import type { TokenId } from '@/lib/math/ids';
import type { ChainIds } from '@/lib/chain-runtime/ids';

export interface MapContext {
  ids: ChainIds;
  /** The token an order escrowed (its OrderPlaced event's mint): OrderCancelled does not carry it. */
  orderToken(order: Address): TokenId | undefined;
  /** Called for every OrderPlaced mapped, in chain order. */
  rememberOrder(order: Address, token: TokenId): void;
}
