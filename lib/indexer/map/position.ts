/**
 * Position events → history rows, with the kinds and `details` keys the engine records (lib/engine/actions:
 * open-position.ts, settle.ts, collateral.ts, tpsl.ts), plus what the event adds (totals after, marks).
 */
import type { CollateralChangedEvent, PositionClosedEvent, PositionOpenedEvent, TpSlSetEvent } from '@/lib/chain/events';
import { MARKETS, positionCollateralToken } from '@/lib/math/params';
import type { RowFields } from '../types';
import type { MapContext } from './context';
import { details } from './details';

/** An open, an increase, or a limit order's fill (`order` set): fees are the open fee plus the swap's. */
export function openedRow(e: PositionOpenedEvent, ctx: MapContext): RowFields | undefined {
  const market = ctx.ids.market(e.market);
  if (!market) return undefined;
  const collateralToken = positionCollateralToken(market, e.side);
  const postedToken = ctx.ids.token(e.postedMint) ?? null;
  return {
    owner: e.owner,
    kind: e.order ? 'filled' : e.increased ? 'increased' : 'opened',
    pool: MARKETS[market].pool,
    market,
    side: e.side,
    sizeUsd: e.sizeUsd,
    price: e.price,
    realizedPnlUsd: null,
    feesUsd: e.openFeeUsd + e.swapFeeUsd,
    details: details({
      positionId: e.position,
      collateralToken,
      collateralAmount: e.collateralAmount,
      collateralUsd: e.collateralUsd,
      postedToken,
      postedAmount: e.postedAmount,
      swapFeeAmount: postedToken !== collateralToken ? e.swapFeeAmount : null,
      leverageBps: e.leverageBps,
      orderId: e.order ?? undefined,
      increased: e.increased ? 1 : 0,
      openFeeUsd: e.openFeeUsd,
      swapFeeUsd: e.swapFeeUsd,
      entryPrice: e.entryPrice,
      liquidationPrice: e.liquidationPrice,
      totalSizeUsd: e.totalSizeUsd,
      totalCollateralUsd: e.totalCollateralUsd,
      totalCollateralAmount: e.totalCollateralAmount,
      takeProfit: e.takeProfit,
      stopLoss: e.stopLoss,
    }),
  };
}

/** A close (whole or a fraction), a TP/SL execution (`closed`, reason takeProfit/stopLoss) or a liquidation. */
export function closedRow(e: PositionClosedEvent, ctx: MapContext): RowFields | undefined {
  const market = ctx.ids.market(e.market);
  if (!market) return undefined;
  return {
    owner: e.owner,
    kind: e.reason === 'liquidation' ? 'liquidated' : 'closed',
    pool: MARKETS[market].pool,
    market,
    side: e.side,
    sizeUsd: e.closedSizeUsd,
    price: e.price,
    realizedPnlUsd: e.realizedPnlUsd,
    feesUsd: e.feeUsd + e.borrowFeeUsd,
    details: details({
      positionId: e.position,
      reason: e.reason,
      fractionBps: e.fractionBps,
      entryPrice: e.entryPrice,
      pricePnlUsd: e.pricePnlUsd,
      closeFeeUsd: e.feeUsd,
      borrowFeeUsd: e.borrowFeeUsd,
      payoutToken: ctx.ids.token(e.payoutMint) ?? null,
      payoutAmount: e.payoutAmount,
      payoutUsd: e.payoutUsd,
      collateralUsd: e.closedCollateralUsd,
      remainingSizeUsd: e.remainingSizeUsd,
    }),
  };
}

/** Collateral added (`amount`, `addedUsd`) or removed (`amountOut`, `amountUsd`), as the engine's keys. */
export function collateralRow(e: CollateralChangedEvent, ctx: MapContext): RowFields | undefined {
  const market = ctx.ids.market(e.market);
  if (!market) return undefined;
  const token = positionCollateralToken(market, e.side);
  const moved = e.added ? { amount: e.amount, addedUsd: e.amountUsd } : { amountOut: e.amount, amountUsd: e.amountUsd };
  return {
    owner: e.owner,
    kind: 'collateral',
    pool: MARKETS[market].pool,
    market,
    side: e.side,
    // The event does not carry the position's size; the row leaves it empty rather than guess it.
    sizeUsd: null,
    price: null,
    realizedPnlUsd: null,
    feesUsd: null,
    details: details({
      positionId: e.position,
      direction: e.added ? 'add' : 'remove',
      collateralUsdBefore: e.collateralUsdBefore,
      collateralUsdAfter: e.collateralUsdAfter,
      token,
      ...moved,
    }),
  };
}

export function tpSlRow(e: TpSlSetEvent, ctx: MapContext): RowFields | undefined {
  const market = ctx.ids.market(e.market);
  if (!market) return undefined;
  return {
    owner: e.owner,
    kind: 'tpsl',
    pool: MARKETS[market].pool,
    market,
    side: e.side,
    sizeUsd: null,
    price: null,
    realizedPnlUsd: null,
    feesUsd: null,
    details: details({ positionId: e.position, takeProfit: e.takeProfit, stopLoss: e.stopLoss }),
  };
}
