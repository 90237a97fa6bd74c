import { checkOrderCount, isLimitOrderHit, validateLimitTrigger } from '@/lib/math/triggers';
import { MARKETS, PROTOCOL } from '@/lib/math/params';
import { ProtocolError } from '@/lib/math/errors';
import { describeLeverage } from '@/lib/math/describe';
import type { ActionParams } from '../action-params';
import type { TxContext } from '../tx-context';
import type { OrderRow } from '../store/rows';
import { deleteOrder, insertOrder } from '../store/positions';
import { creditBalance, debitBalance } from '../store/balances';
import { orderView } from '../position-view';
import type { OrderView, PositionView } from '../views';
import { loadOrder } from './load';
import { openPosition } from './open-position';

/**
 * `placeLimitOrder` (§7): checks what can be checked now (trigger, collateral token, leverage range, 16 orders
 * per owner) and escrows the collateral from the wallet; the rest of §5 is checked at fill time.
 */
export async function placeLimitOrder(ctx: TxContext, owner: string, p: ActionParams['placeLimitOrder']): Promise<OrderView> {
  const market = MARKETS[p.market];
  validateLimitTrigger({ trigger: p.triggerPrice });
  if (!market.collateralTokens(p.side).includes(p.collateralToken)) {
    throw new ProtocolError('UNSUPPORTED_COLLATERAL', `A ${p.market} ${p.side} takes ${market.collateralTokens(p.side).join(' or ')} as collateral.`);
  }
  if (p.collateralAmount <= 0n) throw new ProtocolError('AMOUNT_TOO_SMALL', 'Post some collateral with the order.');
  if (p.leverageBps < PROTOCOL.minLeverageBps) throw new ProtocolError('LEVERAGE_TOO_LOW', `Leverage ${describeLeverage(p.leverageBps)} is below the minimum of ${describeLeverage(PROTOCOL.minLeverageBps)}.`);
  if (p.leverageBps > market.maxInitialLeverageBps)
    throw new ProtocolError('LEVERAGE_TOO_HIGH', `Leverage ${describeLeverage(p.leverageBps)} is above this market's maximum of ${describeLeverage(market.maxInitialLeverageBps)}.`);
  await ctx.lockPool(market.pool);
  // Orders of one owner span pools: serialise this owner's placements so the cap of 16 holds (PostgreSQL).
  if (ctx.dbKind === 'postgres') await ctx.tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`orders:${owner}`]);
  const { rows } = await ctx.tx.query<{ n: string | number }>('SELECT count(*)::int AS n FROM orders WHERE owner = $1', [owner]);
  checkOrderCount({ openOrders: Number(rows[0]?.n ?? 0) });
  await debitBalance(ctx.tx, owner, p.collateralToken, p.collateralAmount, 'this order');
  const row: Omit<OrderRow, 'id'> = {
    owner,
    market: p.market,
    side: p.side,
    collateralToken: p.collateralToken,
    collateralAmount: p.collateralAmount,
    leverageBps: p.leverageBps,
    triggerPrice: p.triggerPrice,
    acceptablePrice: p.acceptablePrice,
    takeProfit: p.takeProfit ?? null,
    stopLoss: p.stopLoss ?? null,
    createdAt: ctx.nowS,
  };
  const id = await insertOrder(ctx.tx, row);
  await ctx.recordEvent({
    owner,
    kind: 'order_placed',
    pool: market.pool,
    market: p.market,
    side: p.side,
    price: p.triggerPrice,
    details: { orderId: id, collateralToken: p.collateralToken, collateralAmount: p.collateralAmount, leverageBps: p.leverageBps },
  });
  ctx.emit({ type: 'order', owner, orderId: id, market: p.market, kind: 'placed' }, { order: { ...row, id } });
  return orderView({ ...row, id });
}

/** `cancelOrder` (§7): returns the escrow to the wallet. */
export async function cancelOrder(ctx: TxContext, owner: string, p: ActionParams['cancelOrder']): Promise<OrderView> {
  const order = await loadOrder(ctx, p.orderId, owner);
  await deleteOrder(ctx.tx, order.id);
  await creditBalance(ctx.tx, owner, order.collateralToken, order.collateralAmount);
  await ctx.recordEvent({
    owner,
    kind: 'order_cancelled',
    pool: MARKETS[order.market].pool,
    market: order.market,
    side: order.side,
    price: order.triggerPrice,
    details: { orderId: order.id, collateralToken: order.collateralToken, collateralAmount: order.collateralAmount },
  });
  ctx.emit({ type: 'order', owner, orderId: order.id, market: order.market, kind: 'cancelled' }, { order: null });
  return orderView(order);
}

/**
 * Keeper: fills a triggered limit order at the current (update) price, not at the trigger (§7), from its escrow.
 * If the open is refused (liquidity, caps…) the transaction rolls back and the order waits for a later update.
 */
export async function fillOrder(ctx: TxContext, orderId: string): Promise<PositionView> {
  const order = await loadOrder(ctx, orderId);
  const price = ctx.feedQuote(MARKETS[order.market].feed).price;
  if (!isLimitOrderHit({ side: order.side, price, trigger: order.triggerPrice })) {
    throw new ProtocolError('INVALID_TRIGGER', `Order ${orderId} is not triggered at this price.`);
  }
  await deleteOrder(ctx.tx, order.id);
  const position = await openPosition(
    ctx,
    order.owner,
    {
      market: order.market,
      side: order.side,
      collateralToken: order.collateralToken,
      collateralAmount: order.collateralAmount,
      leverageBps: order.leverageBps,
      acceptablePrice: order.acceptablePrice,
      takeProfit: order.takeProfit,
      stopLoss: order.stopLoss,
    },
    { fromEscrow: true, eventKind: 'filled' },
  );
  ctx.emit({ type: 'order', owner: order.owner, orderId: order.id, market: order.market, kind: 'filled' }, { order: null });
  return position;
}
