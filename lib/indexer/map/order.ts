/** Limit-order events → history rows (lib/engine/actions/orders.ts: `price` is the trigger). A fill is a PositionOpened. */
import type { OrderCancelledEvent, OrderPlacedEvent } from '@/lib/chain/events';
import { MARKETS } from '@/lib/math/params';
import type { RowFields } from '../types';
import type { MapContext } from './context';
import { details } from './details';

export function placedRow(e: OrderPlacedEvent, ctx: MapContext): RowFields | undefined {
  const market = ctx.ids.market(e.market);
  const token = ctx.ids.token(e.mint);
  if (!market || !token) return undefined;
  ctx.rememberOrder(e.order, token);
  return {
    owner: e.owner,
    kind: 'order_placed',
    pool: MARKETS[market].pool,
    market,
    side: e.side,
    sizeUsd: null,
    price: e.triggerPrice,
    realizedPnlUsd: null,
    feesUsd: null,
    details: details({
      orderId: e.order,
      collateralToken: token,
      collateralAmount: e.amount,
      leverageBps: e.leverageBps,
      triggerPrice: e.triggerPrice,
      acceptablePrice: e.acceptablePrice,
      takeProfit: e.takeProfit,
      stopLoss: e.stopLoss,
      orderSlot: e.slot,
    }),
  };
}

export function cancelledRow(e: OrderCancelledEvent, ctx: MapContext): RowFields | undefined {
  const market = ctx.ids.market(e.market);
  if (!market) return undefined;
  return {
    owner: e.owner,
    kind: 'order_cancelled',
    pool: MARKETS[market].pool,
    market,
    side: e.side,
    sizeUsd: null,
    price: e.triggerPrice,
    realizedPnlUsd: null,
    feesUsd: null,
    details: details({ orderId: e.order, collateralToken: ctx.orderToken(e.order) ?? null, collateralAmount: e.amount }),
  };
}
