/**
 * The edit-collateral dialog (protocol.md §6 Collateral): the engine's addCollateral / removeCollateral, then the
 * position's new leverage and liquidation price at the current mid with its borrow fee accrued to now.
 */
import { addCollateral, removeCollateral } from '@/lib/math/collateral';
import { isProtocolError } from '@/lib/math/errors';
import type { MarketId, TokenId } from '@/lib/math/ids';
import { currentLeverageBps } from '@/lib/math/leverage';
import { liquidationPrice } from '@/lib/math/liquidation';
import { tokenPrices } from '@/lib/math/oracle-band';
import { MARKETS, TOKENS } from '@/lib/math/params';
import { pricePnlUsd } from '@/lib/math/pnl';
import type { PositionState } from '@/lib/math/position';
import { toPositionState } from './position-state';
import type { ExistingPosition, TicketIssue } from './ticket-types';

export interface CollateralPreview {
  collateralUsd: bigint;
  /** Tokens deposited, or paid out for a withdrawal. */
  amount: bigint;
  leverageBps: bigint | undefined;
  liquidationPrice: bigint;
}

export interface CollateralEdit {
  market: MarketId;
  position: ExistingPosition;
  collateralToken: TokenId;
  price: bigint;
}

function describeAfter(edit: CollateralEdit, next: PositionState, amount: bigint): CollateralPreview {
  const pnl = pricePnlUsd({ side: next.side, sizeUsd: next.sizeUsd, entryPrice: next.entryPrice, price: edit.price });
  const borrowFeeUsd = edit.position.borrowFeeUsd;
  return {
    collateralUsd: next.collateralUsd,
    amount,
    leverageBps: currentLeverageBps({ sizeUsd: next.sizeUsd, collateralUsd: next.collateralUsd, pricePnlUsd: pnl, borrowFeeUsd }),
    liquidationPrice: liquidationPrice({
      side: next.side,
      sizeUsd: next.sizeUsd,
      collateralUsd: next.collateralUsd,
      entryPrice: next.entryPrice,
      liquidationLeverageBps: MARKETS[edit.market].liquidationLeverageBps,
      liquidationFeeUsd: next.liquidationFeeUsd,
      borrowFeeUsd,
    }),
  };
}

type Outcome = { preview: CollateralPreview | undefined; issue: TicketIssue | undefined };

function guard(fn: () => CollateralPreview): Outcome {
  try {
    return { preview: fn(), issue: undefined };
  } catch (e) {
    if (isProtocolError(e)) return { preview: undefined, issue: { code: e.code, message: e.message } };
    throw e;
  }
}

/** A deposit of `amount` collateral tokens, valued at the oracle low. */
export function previewAddCollateral(edit: CollateralEdit & { amount: bigint }): Outcome {
  return guard(() => {
    const { low } = tokenPrices({ token: edit.collateralToken, price: edit.price });
    const { position } = addCollateral({ position: toPositionState(edit.position), amount: edit.amount, low, decimals: TOKENS[edit.collateralToken].decimals });
    return describeAfter(edit, position, edit.amount);
  });
}

/** A withdrawal of `amountUsd`, paid in collateral tokens at the oracle high. */
export function previewRemoveCollateral(edit: CollateralEdit & { amountUsd: bigint }): Outcome {
  return guard(() => {
    const state = toPositionState(edit.position);
    const { high } = tokenPrices({ token: edit.collateralToken, price: edit.price });
    const { position, amountOut } = removeCollateral({
      position: state,
      amountUsd: edit.amountUsd,
      high,
      decimals: TOKENS[edit.collateralToken].decimals,
      pricePnlUsd: pricePnlUsd({ side: state.side, sizeUsd: state.sizeUsd, entryPrice: state.entryPrice, price: edit.price }),
      borrowFeeUsd: edit.position.borrowFeeUsd,
      maxInitialLeverageBps: MARKETS[edit.market].maxInitialLeverageBps,
    });
    return describeAfter(edit, position, amountOut);
  });
}
