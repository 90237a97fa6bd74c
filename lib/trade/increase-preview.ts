/** The position after an increase (protocol.md §5.6), for the ticket's "after" rows. */
import type { MarketId } from '@/lib/math/ids';
import { increasePosition } from '@/lib/math/increase';
import { currentLeverageBps } from '@/lib/math/leverage';
import { liquidationPrice } from '@/lib/math/liquidation';
import type { OpenResult } from '@/lib/math/open';
import { MARKETS } from '@/lib/math/params';
import { pricePnlUsd } from '@/lib/math/pnl';
import { PREVIEW_CUMULATIVE_INTEREST, toPositionState } from './position-state';
import type { ExistingPosition, IncreasePreview } from './ticket-types';

/**
 * Sizes, collateral and fees add; the entry is the harmonic mean rounded against the trader; the accrued borrow
 * fee is carried and so still counts in the liquidation price and the leverage (at the new entry, PnL is the
 * rounding of the average only).
 */
export function previewIncrease({ existing, added, market }: { existing: ExistingPosition; added: OpenResult; market: MarketId }): IncreasePreview {
  const next = increasePosition(toPositionState(existing), added, { cumulativeInterest: PREVIEW_CUMULATIVE_INTEREST });
  const borrowFeeUsd = next.carriedInterestUsd;
  const pnl = pricePnlUsd({ side: next.side, sizeUsd: next.sizeUsd, entryPrice: next.entryPrice, price: added.entryPrice });
  return {
    sizeUsd: next.sizeUsd,
    collateralUsd: next.collateralUsd,
    entryPrice: next.entryPrice,
    liquidationPrice: liquidationPrice({
      side: next.side,
      sizeUsd: next.sizeUsd,
      collateralUsd: next.collateralUsd,
      entryPrice: next.entryPrice,
      liquidationLeverageBps: MARKETS[market].liquidationLeverageBps,
      liquidationFeeUsd: next.liquidationFeeUsd,
      borrowFeeUsd,
    }),
    leverageBps: currentLeverageBps({ sizeUsd: next.sizeUsd, collateralUsd: next.collateralUsd, pricePnlUsd: pnl, borrowFeeUsd }),
  };
}
