/**
 * Live figures of a position row at the stream's latest mid price (protocol.md §6), from the API's position with
 * its borrow fee accrued to the last read: price PnL, net PnL (after exit and borrow fees), the PnL as a share
 * of collateral, and the current leverage.
 */
import { divFloor } from '@/lib/math/bigmath';
import { currentLeverageBps } from '@/lib/math/leverage';
import { netPnlUsd, pricePnlUsd } from '@/lib/math/pnl';
import { BPS } from '@/lib/math/scales';
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

export function positionView({ position, price, withFees }: { position: ExistingPosition; price: bigint; withFees: boolean }): PositionView {
  const pnl = pricePnlUsd({ side: position.side, sizeUsd: position.sizeUsd, entryPrice: position.entryPrice, price });
  const net = netPnlUsd({ pricePnlUsd: pnl, exitFeeUsd: position.exitFeeUsd, borrowFeeUsd: position.borrowFeeUsd });
  const shown = withFees ? net : pnl;
  return {
    pricePnlUsd: pnl,
    netPnlUsd: net,
    shownPnlUsd: shown,
    shownPnlBps: position.collateralUsd > 0n ? divFloor(shown * BPS, position.collateralUsd) : 0n,
    leverageBps: currentLeverageBps({ sizeUsd: position.sizeUsd, collateralUsd: position.collateralUsd, pricePnlUsd: pnl, borrowFeeUsd: position.borrowFeeUsd }),
  };
}
