import { MARKETS, lockToken } from '@/lib/math/params';
import { positionBorrowFeeUsd, type PositionState } from '@/lib/math/position';
import { netPnlUsd, pricePnlUsd } from '@/lib/math/pnl';
import { currentLeverageBps } from '@/lib/math/leverage';
import { liquidationPrice } from '@/lib/math/liquidation';
import type { MarketId } from '@/lib/math/ids';
import type { OrderRow, PositionRow } from './store/rows';
import type { OrderView, PositionView } from './views';

/** What a position is worth at `price` with its lock custody's cumulative interest accrued to now (§4, §6). */
export interface PositionMarks {
  borrowFeeUsd: bigint;
  liquidationPrice: bigint;
  pricePnlUsd: bigint;
}

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
}): PositionMarks {
  const borrowFeeUsd = positionBorrowFeeUsd({ position, cumulativeInterest });
  return {
    borrowFeeUsd,
    liquidationPrice: liquidationPrice({
      side: position.side,
      sizeUsd: position.sizeUsd,
      collateralUsd: position.collateralUsd,
      entryPrice: position.entryPrice,
      liquidationLeverageBps: MARKETS[market].liquidationLeverageBps,
      liquidationFeeUsd: position.liquidationFeeUsd,
      borrowFeeUsd,
    }),
    pricePnlUsd: price > 0n ? pricePnlUsd({ side: position.side, sizeUsd: position.sizeUsd, entryPrice: position.entryPrice, price }) : 0n,
  };
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
    netPnlUsd: netPnlUsd({ pricePnlUsd: marks.pricePnlUsd, exitFeeUsd: row.exitFeeUsd, borrowFeeUsd: marks.borrowFeeUsd }),
    leverageBps:
      currentLeverageBps({
        sizeUsd: row.sizeUsd,
        collateralUsd: row.collateralUsd,
        pricePnlUsd: marks.pricePnlUsd,
        borrowFeeUsd: marks.borrowFeeUsd,
      }) ?? null,
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
