import { describe, expect, it } from 'vitest';
import { lpValueUsd, portfolioTotals, tokenValueUsd } from './portfolio-totals';

describe('portfolio totals', () => {
  it.each([
    ['USDC', 10_000_000_000n, undefined, 10_000_000_000n],
    ['SOL', 1_500_000_000n, 1_500_000_000_000n, 225_000_000n], // 1.5 SOL × $150
    ['WBTC', 1n, 950_000_000_000_000n, 950n], // 1e-8 BTC × $95,000 = $0.00095
    ['BONK', 40_000_000_000_000n, 250_000n, 10_000_000_000n], // 400M × $0.000025 = $10,000
    ['SOL', 5n, undefined, 0n],
  ] as const)('%s %s at %s → %s', (token, amount, price, usd) => {
    expect(tokenValueUsd({ token, amount, price })).toBe(usd);
  });

  it('LP at its price, floored', () => {
    expect(lpValueUsd({ lpAmount: 3_000_000n, lpPriceUsd: 1_000_001n })).toBe(3_000_003n);
    expect(lpValueUsd({ lpAmount: 1n, lpPriceUsd: 1_500_000n })).toBe(1n);
  });

  it('adds wallet, LP and positions at net value; a position under water counts as 0', () => {
    const totals = portfolioTotals({
      balances: { USDC: 100_000_000n, SOL: 1_000_000_000n, WBTC: 0n, BONK: 0n },
      tokenPrices: { SOL: 1_500_000_000_000n },
      lp: { ALP: 2_000_000n, RWALP: 0n },
      lpPricesUsd: { ALP: 1_100_000n, RWALP: 1_000_000n },
      positions: [
        { collateralUsd: 100_000_000n, netPnlUsd: 25_000_000n },
        { collateralUsd: 50_000_000n, netPnlUsd: -60_000_000n },
      ],
      realizedPnlUsd: [5_000_000n, undefined, -2_000_000n],
    });
    expect(totals).toEqual({
      walletUsd: 250_000_000n,
      lpUsd: 2_200_000n,
      positionsUsd: 125_000_000n,
      totalUsd: 377_200_000n,
      unrealizedPnlUsd: -35_000_000n,
      realizedPnlUsd: 3_000_000n,
    });
  });
});
