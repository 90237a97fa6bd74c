/**
 * Live figures of a position row at the stream's latest mid price (protocol.md §6), from the API's position with
 * its borrow fee accrued to the last read: lib/math's `positionMetrics` (the composition the engine's reads use),
 * plus the PnL shown (with or without fees, per the setting) as a share of collateral.
 */
import { divFloor } from '@/lib/math/bigmath';
import type { MarketId } from '@/lib/math/ids';
import { positionMetrics } from '@/lib/math/position-view';
import { BPS } from '@/lib/math/scales';
import { PREVIEW_CUMULATIVE_INTEREST, toPositionState } from './position-state';
import type { ExistingPosition } from './ticket-types';

export interface PositionView {
  pricePnlUsd: bigint;
  netPnlUsd: bigint;
  /** The PnL shown (with or without fees, per the setting). */
  shownPnlUsd: bigint;
  /** `floor(shownPnl × 10000 / collateralUsd)`, signed bps. */
  shownPnlBps: bigint;
  /** undefined = infinite (equity ≤ 0). */
  leverageBps: bigint | undefined;
}

export function positionView({
  market,
  position,
  price,
  withFees,
}: {
  market: MarketId;
  position: ExistingPosition;
  price: bigint;
  withFees: boolean;
}): PositionView {
  const m = positionMetrics({ market, position: toPositionState(position), price, cumulativeInterest: PREVIEW_CUMULATIVE_INTEREST });
  const shown = withFees ? m.netPnlUsd : m.pricePnlUsd;
  return {
    pricePnlUsd: m.pricePnlUsd,
    netPnlUsd: m.netPnlUsd,
    shownPnlUsd: shown,
    shownPnlBps: position.collateralUsd > 0n ? divFloor(shown * BPS, position.collateralUsd) : 0n,
    leverageBps: m.leverageBps,
  };
}
