import { describe, expect, it } from 'vitest';
import { swapFeeBps, swapQuote } from './swap';
import { PRICE_ONE } from './scales';

describe('swapFeeBps (§8)', () => {
  it.each([
    ['SOL', 'USDC', 20n],
    ['USDC', 'BONK', 60n],
    ['WBTC', 'SOL', 20n],
    ['BONK', 'WBTC', 60n],
  ] as const)('%s → %s pays %s bps', (tokenIn, tokenOut, bps) => expect(swapFeeBps(tokenIn, tokenOut)).toBe(bps));

  it('refuses a swap of a token into itself', () => {
    expect(() => swapFeeBps('SOL', 'SOL')).toThrow(expect.objectContaining({ code: 'INVALID_SWAP' }));
  });
});

describe('swapQuote (§8)', () => {
  it.each([
    // 1 SOL → USDC at 150 (low 149.625), 20 bps: fee 0.002 SOL, 0.998 × 149.625 = 149.32575 USDC
    [1_000_000_000n, 20n, 1_496_250_000_000n, 9, PRICE_ONE, 6, 2_000_000n, 149_325_750n],
    // 150 USDC → SOL at high 150.375, 20 bps: fee 0.3 USDC, 149.7 / 150.375 = 0.995511221… SOL
    [150_000_000n, 20n, PRICE_ONE, 6, 1_503_750_000_000n, 9, 300_000n, 995_511_221n],
    // 100 USDC → BONK at high 0.000025062 5: fee 0.6 USDC (60 bps); 99.4 / 0.0000250625 = 3,966,084.78802… BONK
    [100_000_000n, 60n, PRICE_ONE, 6, 250_625n, 5, 600_000n, 396_608_478_802n],
  ])('%s in at %s bps → fee %s, out %s', (amountIn, feeBps, lowIn, decIn, highOut, decOut, feeAmount, amountOut) => {
    expect(swapQuote({ amountIn, feeBps, lowIn, decIn, highOut, decOut })).toEqual({ feeAmount, amountOut });
  });

  it('refuses a swap too small to pay out anything', () => {
    expect(() => swapQuote({ amountIn: 1n, feeBps: 20n, lowIn: 1_496_250_000_000n, decIn: 9, highOut: PRICE_ONE, decOut: 6 })).toThrow(
      expect.objectContaining({ code: 'AMOUNT_TOO_SMALL' }),
    );
    expect(() => swapQuote({ amountIn: 1n, feeBps: 20n, lowIn: 1n, decIn: 9, highOut: 0n, decOut: 6 })).toThrow(expect.objectContaining({ code: 'INVALID_PRICE' }));
  });
});
