/**
 * An ALP long posted in USDC: the engine first swaps the USDC into the market token through the pool
 * (protocol.md §3, §8), at the input's low and the output's high, with the larger swap fee of the two tokens.
 */
import type { TokenId } from '@/lib/math/ids';
import { tokenPrices } from '@/lib/math/oracle-band';
import { TOKENS } from '@/lib/math/params';
import { swapFeeBps, swapQuote } from '@/lib/math/swap';
import type { SwapPreview } from './ticket-types';

/** `priceOut` is the mid of `tokenOut`'s feed (the market price); USDC in is valued at exactly $1. */
export function previewCollateralSwap({ tokenIn, tokenOut, amountIn, priceOut }: { tokenIn: TokenId; tokenOut: TokenId; amountIn: bigint; priceOut: bigint }): SwapPreview {
  const inPrices = tokenPrices({ token: tokenIn, price: priceOut });
  const outPrices = tokenPrices({ token: tokenOut, price: priceOut });
  const quote = swapQuote({
    amountIn,
    feeBps: swapFeeBps(tokenIn, tokenOut),
    lowIn: inPrices.low,
    decIn: TOKENS[tokenIn].decimals,
    highOut: outPrices.high,
    decOut: TOKENS[tokenOut].decimals,
  });
  return { tokenIn, tokenOut, amountIn, feeAmount: quote.feeAmount, amountOut: quote.amountOut };
}
