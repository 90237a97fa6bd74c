import type { MarketId, Side, TokenId } from '@/lib/math/ids';
import type { PositionState } from '@/lib/math/position';
import { positionMetrics } from '@/lib/math/position-view';
import type { PositionView } from './types';

/** A position as decoded from its program account (docs/program.md), in lib/math's units. */
export interface PositionRow extends PositionState {
  id: string;
  owner: string;
  market: MarketId;
  side: Side;
  collateralToken: TokenId;
  takeProfit: bigint | null;
  stopLoss: bigint | null;
  openedAt: number;
}

/**
 * The api.md Position at `price` (mid), fees as if accrued to now (§4, §6): lib/math's `positionMetrics` with the
 * lock custody's cumulative interest, the one composition the UI previews use too. Before a feed has a price
 * (`price` 0) the PnL is taken at the entry price, i.e. 0.
 */
export function positionView(row: PositionRow, ctx: { cumulativeInterest: bigint; price: bigint }): PositionView {
  const marks = positionMetrics({
    market: row.market,
    position: row,
    cumulativeInterest: ctx.cumulativeInterest,
    price: ctx.price > 0n ? ctx.price : row.entryPrice,
  });
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
