/**
 * Everything a reader shows about an open position at a price (api.md Position; protocol.md §4, §6), from one
 * place so the engine, the keeper and UI previews never compute it twice.
 */
import { currentLeverageBps } from './leverage';
import type { MarketId } from './ids';
import { isLiquidatable, liquidationPrice } from './liquidation';
import { MARKETS } from './params';
import { netPnlUsd, pricePnlUsd } from './pnl';
import { positionBorrowFeeUsd } from './position';
import type { PositionState } from './position';

export interface PositionMetrics {
  borrowFeeUsd: bigint;
  pricePnlUsd: bigint;
  /** pricePnl − exit fee − borrow fee. */
  netPnlUsd: bigint;
  /** undefined = infinite (equity ≤ 0). */
  leverageBps: bigint | undefined;
  /** Moves as borrow fees accrue. */
  liquidationPrice: bigint;
  liquidatable: boolean;
}

/**
 * The position at mid `price` with its lock custody's `cumulativeInterest` accrued up to now: borrow fee (§4,
 * rounded up), price PnL (§6, floored), net PnL, current leverage (rounded up) and the liquidation price with
 * that borrow fee (§6), plus whether the keeper would liquidate it at this price.
 */
export function positionMetrics({
  market,
  position,
  price,
  cumulativeInterest,
}: {
  market: MarketId;
  position: PositionState;
  price: bigint;
  cumulativeInterest: bigint;
}): PositionMetrics {
  const params = MARKETS[market];
  const borrowFeeUsd = positionBorrowFeeUsd({ position, cumulativeInterest });
  const pnl = pricePnlUsd({ side: position.side, sizeUsd: position.sizeUsd, entryPrice: position.entryPrice, price });
  const liqPrice = liquidationPrice({
    side: position.side,
    sizeUsd: position.sizeUsd,
    collateralUsd: position.collateralUsd,
    entryPrice: position.entryPrice,
    liquidationLeverageBps: params.liquidationLeverageBps,
    liquidationFeeUsd: position.liquidationFeeUsd,
    borrowFeeUsd,
  });
  return {
    borrowFeeUsd,
    pricePnlUsd: pnl,
    netPnlUsd: netPnlUsd({ pricePnlUsd: pnl, exitFeeUsd: position.exitFeeUsd, borrowFeeUsd }),
    leverageBps: currentLeverageBps({ sizeUsd: position.sizeUsd, collateralUsd: position.collateralUsd, pricePnlUsd: pnl, borrowFeeUsd }),
    liquidationPrice: liqPrice,
    liquidatable: isLiquidatable({ side: position.side, price, liquidationPrice: liqPrice }),
  };
}
