import { describe, expect, it } from 'vitest';
import { payoutTokens, previewPayoutSwap } from './payout-swap';

describe('payout swap of a close', () => {
  it.each([
    ['ALP', 'SOL', ['SOL', 'USDC']],
    ['ALP', 'WBTC', ['WBTC', 'USDC']],
    ['ALP', 'USDC', ['USDC']],
    ['RWALP', 'USDC', ['USDC']],
  ] as const)('%s %s → %o', (pool, token, out) => {
    expect(payoutTokens({ pool, token })).toEqual(out);
  });

  it('1 SOL at $150 into USDC: 20 bps fee, valued at the low ($149.625), 0.5% slippage', () => {
    // fee = ceil(1e9 × 20 / 1e4) = 2,000,000 lamports; out = floor(0.998 × 149.625) = 149.325750 USDC; min = floor(out × 0.995)
    expect(previewPayoutSwap({ pool: 'ALP', tokenIn: 'SOL', tokenOut: 'USDC', amountIn: 1_000_000_000n, price: 1_500_000_000_000n, slippageBps: 50n })).toEqual({
      pool: 'ALP',
      tokenIn: 'SOL',
      tokenOut: 'USDC',
      amountIn: 1_000_000_000n,
      feeBps: 20n,
      feeAmount: 2_000_000n,
      amountOut: 149_325_750n,
      minAmountOut: 148_579_121n,
    });
  });

  it.each([0n, 1n])('an amount of %s lamports is too small to swap', (amountIn) => {
    expect(previewPayoutSwap({ pool: 'ALP', tokenIn: 'SOL', tokenOut: 'USDC', amountIn, price: 1_500_000_000_000n, slippageBps: 50n })).toBeUndefined();
  });
});
