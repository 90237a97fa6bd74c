/** Closing a position, whole or a fraction, and liquidation settlement (protocol.md §6). */
import { bigMax, bigMin, divCeil } from './bigmath';
import { tokenToUsd, usdToTokens } from './convert';
import { describePrice, describeUsd } from './describe';
import { ProtocolError } from './errors';
import type { Side } from './ids';
import { PROTOCOL } from './params';
import { pricePnlUsd } from './pnl';
import type { PositionState } from './position';
import { BPS } from './scales';

export interface CloseInput {
  position: PositionState;
  /** 1..10000; 10000 closes the whole position. */
  fractionBps: bigint;
  /** Oracle mid of the market: the exit price. */
  price: bigint;
  /** Oracle high of the collateral token (payouts are converted at high, §2). */
  payoutHigh: bigint;
  collateralDecimals: number;
  /** The position's whole borrow fee accrued up to now (positionBorrowFeeUsd). */
  borrowFeeUsd: bigint;
  /** The lock custody's cumulative interest now: the remaining part's new snapshot. */
  cumulativeInterest: bigint;
  feeKind: 'exit' | 'liquidation';
}

export interface CloseResult {
  closedSizeUsd: bigint;
  closedCollateralUsd: bigint;
  closedCollateralAmount: bigint;
  releasedLockAmount: bigint;
  pricePnlUsd: bigint;
  /** The exit or liquidation fee charged on the closed part. */
  feeUsd: bigint;
  borrowFeePaidUsd: bigint;
  payoutUsd: bigint;
  payoutAmount: bigint;
  /** `closedCollateralAmount − payoutAmount`: the change of the collateral custody's `owned` (negative on profit). */
  ownedDelta: bigint;
  /** `payoutUsd − closedCollateralUsd`: what the trader gained or lost, after fees. */
  realizedPnlUsd: bigint;
  remaining: PositionState | undefined;
}

/**
 * §6 close. The closed part, for `f = fractionBps` (GMX/Adrena pro-rata partial close): size, collateral (USD and
 * tokens) and released lock are `floor(x × f / 10000)`; the fixed exit and liquidation fees and the accrued borrow
 * fee are `ceil(x × f / 10000)`; the rest stays on the position exactly (x − closed part), so closing in pieces
 * never charges less than closing whole. The borrow fee is settled pro rata: the remaining share moves into
 * `carriedInterestUsd` with the snapshot reset to `cumulativeInterest` (§4: no fee is lost).
 * `payoutUsd = max(0, closedCollateralUsd + pricePnl − fee − borrowFeePaid)` (pricePnl floors: profit down, loss
 * up), paid as `floor(tokens(payoutUsd, high, dec))` of the collateral token, capped at released lock + closed
 * collateral (both are in the same token); when capped, `payoutUsd = floor(usd(payoutAmount, high))`.
 * Validation (market hours, slippage, remaining collateral ≥ $10) is validateClose.
 */
export function closePosition(input: CloseInput): CloseResult {
  const { position, fractionBps, price } = input;
  if (fractionBps <= 0n || fractionBps > BPS)
    throw new ProtocolError('INVALID_AMOUNT', 'Choose a part of the position between 0.01% and 100% to close.');
  const down = (x: bigint): bigint => (x * fractionBps) / BPS;
  const up = (x: bigint): bigint => divCeil(x * fractionBps, BPS);
  const closedSizeUsd = down(position.sizeUsd);
  const closedCollateralUsd = down(position.collateralUsd);
  const closedCollateralAmount = down(position.collateralAmount);
  const releasedLockAmount = down(position.lockAmount);
  const exitFeeUsd = up(position.exitFeeUsd);
  const liquidationFeeUsd = up(position.liquidationFeeUsd);
  const borrowFeePaidUsd = up(input.borrowFeeUsd);
  const feeUsd = input.feeKind === 'exit' ? exitFeeUsd : liquidationFeeUsd;
  const pnl = pricePnlUsd({ side: position.side, sizeUsd: closedSizeUsd, entryPrice: position.entryPrice, price });

  const owedUsd = bigMax(0n, closedCollateralUsd + pnl - feeUsd - borrowFeePaidUsd);
  const uncappedAmount = usdToTokens({ usd: owedUsd, price: input.payoutHigh, decimals: input.collateralDecimals }, 'floor');
  const payoutAmount = bigMin(uncappedAmount, releasedLockAmount + closedCollateralAmount);
  const payoutUsd =
    payoutAmount < uncappedAmount ? tokenToUsd({ amount: payoutAmount, price: input.payoutHigh, decimals: input.collateralDecimals }, 'floor') : owedUsd;

  const remaining: PositionState | undefined =
    fractionBps === BPS
      ? undefined
      : {
          side: position.side,
          sizeUsd: position.sizeUsd - closedSizeUsd,
          collateralUsd: position.collateralUsd - closedCollateralUsd,
          collateralAmount: position.collateralAmount - closedCollateralAmount,
          entryPrice: position.entryPrice,
          lockAmount: position.lockAmount - releasedLockAmount,
          exitFeeUsd: position.exitFeeUsd - exitFeeUsd,
          liquidationFeeUsd: position.liquidationFeeUsd - liquidationFeeUsd,
          carriedInterestUsd: input.borrowFeeUsd - borrowFeePaidUsd,
          interestSnapshot: input.cumulativeInterest,
        };

  return {
    closedSizeUsd,
    closedCollateralUsd,
    closedCollateralAmount,
    releasedLockAmount,
    pricePnlUsd: pnl,
    feeUsd,
    borrowFeePaidUsd,
    payoutUsd,
    payoutAmount,
    ownedDelta: closedCollateralAmount - payoutAmount,
    realizedPnlUsd: payoutUsd - closedCollateralUsd,
    remaining,
  };
}

/**
 * §6 close checks in this order: SLIPPAGE (a long closing below, a short above, `acceptablePrice`), then
 * REMAINING_COLLATERAL_TOO_SMALL (a partial close must leave ≥ $10 of collateral). Market hours are checked by
 * the caller (isMarketOpen) before anything else; liquidations skip this function.
 */
export function validateClose({
  side,
  price,
  acceptablePrice,
  remaining,
}: {
  side: Side;
  price: bigint;
  acceptablePrice?: bigint | undefined;
  remaining: PositionState | undefined;
}): void {
  if (acceptablePrice !== undefined && (side === 'long' ? price < acceptablePrice : price > acceptablePrice))
    throw new ProtocolError('SLIPPAGE', `The price moved to ${describePrice(price)}, beyond your acceptable ${describePrice(acceptablePrice)}; review the price and try again.`);
  if (remaining && remaining.collateralUsd < PROTOCOL.minCollateralUsd)
    throw new ProtocolError(
      'REMAINING_COLLATERAL_TOO_SMALL',
      `This would leave ${describeUsd(remaining.collateralUsd)} of collateral, under the minimum of ${describeUsd(PROTOCOL.minCollateralUsd)}; close a smaller part or all of it.`,
    );
}
