/** The position before and after an increase (protocol.md §5.6), for the ticket's "before → after" rows. */
import type { MarketId } from '@/lib/math/ids';
import { increasePosition } from '@/lib/math/increase';
import { currentLeverageBps } from '@/lib/math/leverage';
import { isLiquidatable, liquidationPrice } from '@/lib/math/liquidation';
import type { OpenResult } from '@/lib/math/open';
import { MARKETS } from '@/lib/math/params';
import { pricePnlUsd } from '@/lib/math/pnl';
import type { PositionState } from '@/lib/math/position';
import { PREVIEW_CUMULATIVE_INTEREST, toPositionState } from './position-state';
import type { ExistingPosition, IncreasePreview, PositionFigures } from './ticket-types';

/** A position's figures at `price` (the fill price of the increase): its borrow fee as the API last reported it. */
function figures(p: PositionState, market: MarketId, price: bigint): PositionFigures {
  const borrowFeeUsd = p.carriedInterestUsd;
  const liq = liquidationPrice({
    side: p.side,
    sizeUsd: p.sizeUsd,
    collateralUsd: p.collateralUsd,
    entryPrice: p.entryPrice,
    liquidationLeverageBps: MARKETS[market].liquidationLeverageBps,
    liquidationFeeUsd: p.liquidationFeeUsd,
    borrowFeeUsd,
  });
  const pnl = pricePnlUsd({ side: p.side, sizeUsd: p.sizeUsd, entryPrice: p.entryPrice, price });
  return {
    sizeUsd: p.sizeUsd,
    collateralUsd: p.collateralUsd,
    entryPrice: p.entryPrice,
    liquidationPrice: liq,
    leverageBps: currentLeverageBps({ sizeUsd: p.sizeUsd, collateralUsd: p.collateralUsd, pricePnlUsd: pnl, borrowFeeUsd }),
    exitFeeUsd: p.exitFeeUsd,
    liquidationFeeUsd: p.liquidationFeeUsd,
    borrowFeeUsd,
    liquidatable: isLiquidatable({ side: p.side, price, liquidationPrice: liq }),
  };
}

/**
 * `before` is the position as it stands, valued at the fill price; `after` the merged one: sizes, collateral and
 * fees add, the entry is the harmonic mean rounded against the trader, and the accrued borrow fee is carried, so it
 * still counts in the liquidation price and the leverage. `after.liquidatable` says the keeper would liquidate the
 * merged position at the fill price at once (its leverage then reads ∞).
 */
export function previewIncrease({ existing, added, market }: { existing: ExistingPosition; added: OpenResult; market: MarketId }): IncreasePreview {
  const state = toPositionState(existing);
  const next = increasePosition(state, added, { cumulativeInterest: PREVIEW_CUMULATIVE_INTEREST });
  return { before: figures(state, market, added.entryPrice), after: figures(next, market, added.entryPrice) };
}
