/** Adding and removing collateral on an open position (protocol.md §6 Collateral). */
import { bigMax, bigMin } from './bigmath';
import { tokenToUsd, usdToTokens } from './convert';
import { describeLeverage, describeUsd } from './describe';
import { ProtocolError } from './errors';
import { currentLeverageBps } from './leverage';
import { PROTOCOL } from './params';
import type { PositionState } from './position';

/**
 * §6: a deposit of `amount` tokens is valued at the oracle low, `addedUsd = floor(usd(amount, low, dec))`;
 * collateralUsd and collateralAmount grow by those. Refuses AMOUNT_TOO_SMALL when it is worth nothing.
 */
export function addCollateral({ position, amount, low, decimals }: { position: PositionState; amount: bigint; low: bigint; decimals: number }): {
  position: PositionState;
  addedUsd: bigint;
} {
  const addedUsd = tokenToUsd({ amount, price: low, decimals }, 'floor');
  if (amount <= 0n || addedUsd <= 0n) throw new ProtocolError('AMOUNT_TOO_SMALL', 'This deposit is worth less than $0.000001; deposit more.');
  return {
    position: { ...position, collateralUsd: position.collateralUsd + addedUsd, collateralAmount: position.collateralAmount + amount },
    addedUsd,
  };
}

export interface RemoveCollateralInput {
  position: PositionState;
  amountUsd: bigint;
  /** Oracle high of the collateral token: the withdrawal is paid at high (§2). */
  high: bigint;
  decimals: number;
  pricePnlUsd: bigint;
  borrowFeeUsd: bigint;
  maxInitialLeverageBps: bigint;
}

/**
 * §6: removing `amountUsd` pays `amountOut = floor(tokens(amountUsd, high, dec))` (at most the collateral held);
 * collateralUsd drops by `amountUsd`, collateralAmount by `amountOut`. Refused (in this order): AMOUNT_TOO_SMALL
 * (pays no token), REMAINING_COLLATERAL_TOO_SMALL (under $10 left), LEVERAGE_TOO_HIGH when the leverage
 * `sizeUsd / (collateral + min(pricePnl, 0) − borrowFee)` exceeds the maximum initial leverage. As in GMX v1,
 * an unrealised profit does not back a withdrawal; a loss and the borrow fee count against it.
 */
export function removeCollateral(input: RemoveCollateralInput): { position: PositionState; amountOut: bigint } {
  const { position, amountUsd } = input;
  const amountOut = bigMin(usdToTokens({ usd: amountUsd, price: input.high, decimals: input.decimals }, 'floor'), position.collateralAmount);
  if (amountUsd <= 0n || amountOut <= 0n) throw new ProtocolError('AMOUNT_TOO_SMALL', 'This withdrawal is too small to pay out any token; withdraw more.');
  const collateralUsd = position.collateralUsd - amountUsd;
  if (collateralUsd < PROTOCOL.minCollateralUsd)
    throw new ProtocolError(
      'REMAINING_COLLATERAL_TOO_SMALL',
      `You can withdraw at most ${describeUsd(bigMax(0n, position.collateralUsd - PROTOCOL.minCollateralUsd))}: at least ${describeUsd(PROTOCOL.minCollateralUsd)} of collateral must stay.`,
    );
  const leverageBps = currentLeverageBps({
    sizeUsd: position.sizeUsd,
    collateralUsd,
    pricePnlUsd: input.pricePnlUsd < 0n ? input.pricePnlUsd : 0n,
    borrowFeeUsd: input.borrowFeeUsd,
  });
  if (leverageBps === undefined || leverageBps > input.maxInitialLeverageBps)
    throw new ProtocolError(
      'LEVERAGE_TOO_HIGH',
      `Withdrawing ${describeUsd(amountUsd)} would raise leverage ${leverageBps === undefined ? 'without limit' : `to ${describeLeverage(leverageBps)}`}, above this market's maximum of ${describeLeverage(input.maxInitialLeverageBps)}; withdraw less.`,
    );
  return { position: { ...position, collateralUsd, collateralAmount: position.collateralAmount - amountOut }, amountOut };
}
