/** Swaps through the ALP pool (protocol.md §8). */
import { divCeil, divFloor } from './bigmath';
import { assertPositivePrice } from './convert';
import { ProtocolError } from './errors';
import type { TokenId } from './ids';
import { TOKENS } from './params';
import { BPS, pow10 } from './scales';

/** §8: the larger of the two custodies' swap fees (USDC 0, SOL and WBTC 20, BONK 60). INVALID_SWAP if equal tokens. */
export function swapFeeBps(tokenIn: TokenId, tokenOut: TokenId): bigint {
  if (tokenIn === tokenOut) throw new ProtocolError('INVALID_SWAP', `Choose two different tokens to swap; both are ${tokenIn}.`);
  const feeIn = TOKENS[tokenIn].swapFeeBps;
  const feeOut = TOKENS[tokenOut].swapFeeBps;
  return feeIn > feeOut ? feeIn : feeOut;
}

/**
 * §8: `feeAmount = ceil(in × bps / 10000)` tokens in (stays in the pool);
 * `amountOut = floor((in − fee) × lowIn × 10^decOut / (highOut × 10^decIn))`. The caller checks the free
 * liquidity of the out custody, minAmountOut and the ratio rule on both custodies.
 */
export function swapQuote({
  amountIn,
  feeBps,
  lowIn,
  decIn,
  highOut,
  decOut,
}: {
  amountIn: bigint;
  feeBps: bigint;
  lowIn: bigint;
  decIn: number;
  highOut: bigint;
  decOut: number;
}): { feeAmount: bigint; amountOut: bigint } {
  assertPositivePrice(highOut);
  const feeAmount = divCeil(amountIn * feeBps, BPS);
  const amountOut = divFloor((amountIn - feeAmount) * lowIn * pow10(decOut), highOut * pow10(decIn));
  if (amountIn <= 0n || amountOut <= 0n) throw new ProtocolError('AMOUNT_TOO_SMALL', 'This swap is too small to pay out any token; swap more.');
  return { feeAmount, amountOut };
}
