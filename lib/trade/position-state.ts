/**
 * A position from the API as a lib/math `PositionState`. The API reports the borrow fee accrued to now
 * (`borrowFeeUsd`) but not the custody's cumulative interest, so the fee is carried whole with a zero snapshot
 * and previews pass `cumulativeInterest: 0n`: `borrowFee = carried + ceil((0 − 0) × size / 1e9) = carried`.
 */
import type { PositionState } from '@/lib/math/position';
import type { ExistingPosition } from './ticket-types';

export const PREVIEW_CUMULATIVE_INTEREST = 0n;

export function toPositionState(p: ExistingPosition): PositionState {
  return {
    side: p.side,
    sizeUsd: p.sizeUsd,
    collateralUsd: p.collateralUsd,
    collateralAmount: p.collateralAmount,
    entryPrice: p.entryPrice,
    lockAmount: p.lockAmount,
    exitFeeUsd: p.exitFeeUsd,
    liquidationFeeUsd: p.liquidationFeeUsd,
    carriedInterestUsd: p.borrowFeeUsd,
    interestSnapshot: PREVIEW_CUMULATIVE_INTEREST,
  };
}
