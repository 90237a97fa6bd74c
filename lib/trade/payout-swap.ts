/**
 * Closing an ALP long held in SOL, WBTC or BONK pays out in that token (protocol.md §6). The pool can swap the
 * payout into USDC (§8: the larger swap fee of the two tokens, the payout valued at its low): offered in the close
 * dialog as a second signed action, previewed here with the same lib/math swapQuote the engine runs.
 */
import { mulDivFloor } from '@/lib/math/bigmath';
import type { PoolId, TokenId } from '@/lib/math/ids';
import { tokenPrices } from '@/lib/math/oracle-band';
import { POOLS, TOKENS } from '@/lib/math/params';
import { BPS } from '@/lib/math/scales';
import { swapFeeBps, swapQuote } from '@/lib/math/swap';

export interface PayoutSwapPreview {
  pool: PoolId;
  tokenIn: TokenId;
  tokenOut: TokenId;
  amountIn: bigint;
  feeBps: bigint;
  /** In `tokenIn` units. */
  feeAmount: bigint;
  amountOut: bigint;
  /** `floor(amountOut × (1 − slippage))`: the swap is refused below it (MIN_OUT_NOT_MET). */
  minAmountOut: bigint;
}

/** The tokens a payout of `token` can be received in: itself, and USDC when the pool holds both. */
export function payoutTokens({ pool, token }: { pool: PoolId; token: TokenId }): TokenId[] {
  return token !== 'USDC' && POOLS[pool].custodies.includes('USDC') && POOLS[pool].custodies.includes(token) ? [token, 'USDC'] : [token];
}

/** `price` is the mid of `tokenIn`'s feed (the market's price). Undefined when the amount is too small to swap. */
export function previewPayoutSwap({ pool, tokenIn, tokenOut, amountIn, price, slippageBps }: { pool: PoolId; tokenIn: TokenId; tokenOut: TokenId; amountIn: bigint; price: bigint; slippageBps: bigint }): PayoutSwapPreview | undefined {
  if (amountIn <= 0n) return undefined;
  const feeBps = swapFeeBps(tokenIn, tokenOut);
  const quoteOut = (() => {
    try {
      return swapQuote({
        amountIn,
        feeBps,
        lowIn: tokenPrices({ token: tokenIn, price }).low,
        decIn: TOKENS[tokenIn].decimals,
        highOut: tokenPrices({ token: tokenOut, price }).high,
        decOut: TOKENS[tokenOut].decimals,
      });
    } catch {
      return undefined;
    }
  })();
  if (!quoteOut) return undefined;
  return { pool, tokenIn, tokenOut, amountIn, feeBps, feeAmount: quoteOut.feeAmount, amountOut: quoteOut.amountOut, minAmountOut: mulDivFloor(quoteOut.amountOut, BPS - slippageBps, BPS) };
}
