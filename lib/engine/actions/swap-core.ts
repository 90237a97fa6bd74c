import { swapFeeBps, swapQuote } from '@/lib/math/swap';
import { checkFreeLiquidity, checkMinOut } from '@/lib/math/liquidity';
import { tokenToUsd } from '@/lib/math/convert';
import { ProtocolError } from '@/lib/math/errors';
import { TOKENS, custodyParams } from '@/lib/math/params';
import type { PoolId, TokenId } from '@/lib/math/ids';
import type { TxContext } from '../tx-context';
import { checkRatios } from './ratio-guard';

export interface SwapPlan {
  pool: PoolId;
  tokenIn: TokenId;
  tokenOut: TokenId;
  amountIn: bigint;
  feeAmount: bigint;
  /** The fee valued at the in-token's low (history, fees7dUsd). */
  feeUsd: bigint;
  amountOut: bigint;
}

/**
 * §8 swap through a pool (ALP only): fee in the in-token at the larger swap fee, out at `low_in / high_out`, free
 * liquidity of the out custody, minAmountOut, then the ratio rule on both custodies. Writes nothing.
 */
export function planSwap(
  ctx: TxContext,
  p: { pool: PoolId; tokenIn: TokenId; tokenOut: TokenId; amountIn: bigint; minAmountOut: bigint },
): SwapPlan {
  if (p.pool !== 'ALP') throw new ProtocolError('INVALID_SWAP', 'Only the ALP pool swaps; RWALP holds USDC alone.');
  custodyParams(p.pool, p.tokenIn);
  custodyParams(p.pool, p.tokenOut);
  if (p.amountIn <= 0n) throw new ProtocolError('AMOUNT_TOO_SMALL', 'Enter an amount to swap.');
  const feeBps = swapFeeBps(p.tokenIn, p.tokenOut);
  const quoteIn = ctx.tokenQuote(p.tokenIn);
  const quoteOut = ctx.tokenQuote(p.tokenOut);
  const { feeAmount, amountOut } = swapQuote({
    amountIn: p.amountIn,
    feeBps,
    lowIn: quoteIn.low,
    decIn: TOKENS[p.tokenIn].decimals,
    highOut: quoteOut.high,
    decOut: TOKENS[p.tokenOut].decimals,
  });
  const out = ctx.custody(p.pool, p.tokenOut);
  checkFreeLiquidity({ owned: out.owned, locked: out.locked, amount: amountOut });
  checkMinOut({ amountOut, minAmountOut: p.minAmountOut });
  checkRatios(ctx, p.pool, { [p.tokenIn]: p.amountIn, [p.tokenOut]: -amountOut });
  const feeUsd = tokenToUsd({ amount: feeAmount, price: quoteIn.low, decimals: TOKENS[p.tokenIn].decimals }, 'floor');
  return { pool: p.pool, tokenIn: p.tokenIn, tokenOut: p.tokenOut, amountIn: p.amountIn, feeAmount, feeUsd, amountOut };
}

/** Moves the swap's tokens between the two custodies' `owned` (the fee stays in the pool). */
export function applySwap(ctx: TxContext, plan: SwapPlan): void {
  ctx.touch(plan.pool, plan.tokenIn).owned += plan.amountIn;
  ctx.touch(plan.pool, plan.tokenOut).owned -= plan.amountOut;
}
