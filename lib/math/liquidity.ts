/** LP token price and add/remove-liquidity quotes (protocol.md §8). */
import { divCeil } from './bigmath';
import { tokenToUsd, usdToTokens } from './convert';
import { ProtocolError } from './errors';
import { BPS, LP_ONE } from './scales';

/** §8: `floor(AUM × 10^6 / supply)` USD (6 decimals) per LP token; $1 when the supply is 0. */
export function lpPriceUsd({ aumUsd, supply }: { aumUsd: bigint; supply: bigint }): bigint {
  if (supply <= 0n) return LP_ONE;
  return (aumUsd * LP_ONE) / supply;
}

/**
 * §8 add liquidity of `amount` tokens: `fee = ceil(a × addFeeBps / 10000)` tokens (stays in the pool);
 * `valueUsd = floor(usd(a − fee, low, dec))`; `lpOut = supply = 0 ? valueUsd : floor(valueUsd × supply / AUM)`.
 * Refused with POOL_EMPTY when LP tokens exist but AUM is 0, and AMOUNT_TOO_SMALL when no LP token would be minted.
 * The caller adds `amount` to `owned`, then checks minLpOut (checkMinOut) and the ratio rule.
 */
export function addLiquidityQuote({
  amount,
  addFeeBps,
  low,
  decimals,
  aumUsd,
  supply,
}: {
  amount: bigint;
  addFeeBps: bigint;
  low: bigint;
  decimals: number;
  aumUsd: bigint;
  supply: bigint;
}): { feeAmount: bigint; valueUsd: bigint; lpOut: bigint } {
  const feeAmount = divCeil(amount * addFeeBps, BPS);
  const valueUsd = tokenToUsd({ amount: amount - feeAmount, price: low, decimals }, 'floor');
  if (supply > 0n && aumUsd <= 0n) throw new ProtocolError('POOL_EMPTY', 'The pool has no assets backing its LP tokens; deposits are paused.');
  const lpOut = supply <= 0n ? valueUsd : (valueUsd * supply) / aumUsd;
  if (lpOut <= 0n) throw new ProtocolError('AMOUNT_TOO_SMALL', 'This deposit is too small to mint any LP token; deposit more.');
  return { feeAmount, valueUsd, lpOut };
}

/**
 * §8 remove `lpAmount` LP tokens into one custody: `usdOut = floor(AUM × lp / supply)`;
 * `grossAmount = floor(tokens(usdOut, high, dec))`; `feeAmount = ceil(gross × removeFeeBps / 10000)`;
 * `amountOut = gross − fee`. Refused with POOL_EMPTY when the supply is 0, INSUFFICIENT_BALANCE when `lp`
 * exceeds the supply, AMOUNT_TOO_SMALL when nothing would be paid. The caller checks `owned − locked ≥ out`
 * (checkFreeLiquidity), minAmountOut (checkMinOut) and the ratio rule.
 */
export function removeLiquidityQuote({
  lpAmount,
  aumUsd,
  supply,
  high,
  decimals,
  removeFeeBps,
}: {
  lpAmount: bigint;
  aumUsd: bigint;
  supply: bigint;
  high: bigint;
  decimals: number;
  removeFeeBps: bigint;
}): { usdOut: bigint; grossAmount: bigint; feeAmount: bigint; amountOut: bigint } {
  if (supply <= 0n) throw new ProtocolError('POOL_EMPTY', 'The pool has no LP tokens to redeem.');
  if (lpAmount > supply) throw new ProtocolError('INSUFFICIENT_BALANCE', 'You cannot redeem more LP tokens than exist.');
  const usdOut = (aumUsd * lpAmount) / supply;
  const grossAmount = usdToTokens({ usd: usdOut, price: high, decimals }, 'floor');
  const feeAmount = divCeil(grossAmount * removeFeeBps, BPS);
  const amountOut = grossAmount - feeAmount;
  if (lpAmount <= 0n || amountOut <= 0n) throw new ProtocolError('AMOUNT_TOO_SMALL', 'This redemption is too small to pay out any token; redeem more.');
  return { usdOut, grossAmount, feeAmount, amountOut };
}

/** Refuses with MIN_OUT_NOT_MET when `amountOut < minAmountOut` (inclusive: equal passes). */
export function checkMinOut({ amountOut, minAmountOut }: { amountOut: bigint; minAmountOut: bigint }): void {
  if (amountOut < minAmountOut)
    throw new ProtocolError('MIN_OUT_NOT_MET', `You would receive ${amountOut} units, fewer than your minimum of ${minAmountOut}; lower the minimum or try again.`, {
      amountOut: amountOut.toString(),
      minAmountOut: minAmountOut.toString(),
    });
}

/** Refuses with INSUFFICIENT_LIQUIDITY unless `owned − locked ≥ amount` of that custody. */
export function checkFreeLiquidity({ owned, locked, amount }: { owned: bigint; locked: bigint; amount: bigint }): void {
  if (owned - locked < amount)
    throw new ProtocolError('INSUFFICIENT_LIQUIDITY', 'The pool does not have enough free tokens of this custody right now; withdraw less or choose another token.');
}
