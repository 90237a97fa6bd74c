import { MARKETS, lockToken } from '@/lib/math/params';
import type { PositionState } from '@/lib/math/position';
import { positionMetrics, type PositionMetrics } from '@/lib/math/position-view';
import type { MarketId } from '@/lib/math/ids';
import type { OrderRow, PositionRow } from './rows';
import type { OrderView, PositionView } from './types';

/**
 * What a position is worth at `price` with its lock custody's cumulative interest accrued to now (§4, §6): lib/math's
 * `positionMetrics`, the one composition the UI previews use too. Before a feed has a price (`price` 0) the PnL is
 * taken at the entry price, i.e. 0.
 */
export function positionMarks({
  market,
  position,
  cumulativeInterest,
  price,
}: {
  market: MarketId;
  position: PositionState;
  cumulativeInterest: bigint;
  price: bigint;
}): PositionMetrics {
  return positionMetrics({ market, position, cumulativeInterest, price: price > 0n ? price : position.entryPrice });
}

/** The api.md Position at `price` (mid), fees as if accrued to now. */
export function positionView(row: PositionRow, ctx: { cumulativeInterest: bigint; price: bigint }): PositionView {
  const marks = positionMarks({ market: row.market, position: row, cumulativeInterest: ctx.cumulativeInterest, price: ctx.price });
  return {
    id: row.id,
    owner: row.owner,
    market: row.market,
    side: row.side,
    sizeUsd: row.sizeUsd,
    collateralUsd: row.collateralUsd,
    collateralToken: row.collateralToken,
    collateralAmount: row.collateralAmount,
    entryPrice: row.entryPrice,
    liquidationPrice: marks.liquidationPrice,
    exitFeeUsd: row.exitFeeUsd,
    liquidationFeeUsd: row.liquidationFeeUsd,
    borrowFeeUsd: marks.borrowFeeUsd,
    pricePnlUsd: marks.pricePnlUsd,
    netPnlUsd: marks.netPnlUsd,
    leverageBps: marks.leverageBps ?? null,
    lockAmount: row.lockAmount,
    takeProfit: row.takeProfit,
    stopLoss: row.stopLoss,
    openedAt: row.openedAt,
  };
}

export function orderView(row: OrderRow): OrderView {
  return { ...row };
}

/** The custody a position of (market, side) locks and pays interest to. */
export function lockCustodyOf(market: MarketId, side: PositionRow['side']): { pool: (typeof MARKETS)[MarketId]['pool']; token: ReturnType<typeof lockToken> } {
  return { pool: MARKETS[market].pool, token: lockToken(market, side) };
}
