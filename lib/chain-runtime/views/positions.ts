/** api.md Position and Order from the program's accounts (`id` is the account's address). */
import type { Address } from '@solana/kit';
import { MARKETS, lockToken } from '@/lib/math/params';
import type { OrderAccount, PositionAccount } from '@/lib/chain/accounts';
import { positionView } from '@/lib/views/position-view';
import type { OrderView, PositionView } from '@/lib/views/types';
import type { ChainIds } from '../ids';
import type { ChainSnapshot } from '../snapshot';

export function chainPositionView(s: ChainSnapshot, ids: ChainIds, address: Address, p: PositionAccount): PositionView | undefined {
  const market = ids.market(p.market);
  const custody = ids.custody(p.custody);
  if (!market || !custody) return undefined;
  const side = p.state.side;
  const pool = MARKETS[market].pool;
  return positionView(
    {
      ...p.state,
      id: address,
      owner: p.owner,
      market,
      side,
      collateralToken: custody.token,
      takeProfit: p.takeProfit,
      stopLoss: p.stopLoss,
      openedAt: Number(p.openedAt),
    },
    { cumulativeInterest: s.interestNow(pool, lockToken(market, side)), price: s.marketQuote(market).price },
  );
}

export function chainOrderView(ids: ChainIds, address: Address, o: OrderAccount): OrderView | undefined {
  const market = ids.market(o.market);
  const custody = ids.custody(o.collateralCustody);
  if (!market || !custody) return undefined;
  return {
    id: address,
    owner: o.owner,
    market,
    side: o.side,
    collateralToken: custody.token,
    collateralAmount: o.collateralAmount,
    leverageBps: o.leverageBps,
    triggerPrice: o.triggerPrice,
    acceptablePrice: o.acceptablePrice ?? 0n,
    takeProfit: o.takeProfit,
    stopLoss: o.stopLoss,
    createdAt: Number(o.createdAt),
  };
}
