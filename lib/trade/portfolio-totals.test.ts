import { describe, expect, it } from 'vitest';
import { lpValueUsd, portfolioTotals, tokenValueUsd } from './portfolio-totals';
import { positionView } from './position-view';

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
        { collateralUsd: 100_000_000n, netPnlUsd: 25_000_000n, shownPnlUsd: 25_000_000n },
        { collateralUsd: 50_000_000n, netPnlUsd: -60_000_000n, shownPnlUsd: -60_000_000n },
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

  it('one source: the totals are the sum of the rows, at the same live price and PnL setting', () => {
    const position = {
      market: 'SOL' as const,
      side: 'long' as const,
      sizeUsd: 1_000_000_000n,
      collateralUsd: 100_000_000n,
      collateralAmount: 700_000_000n,
      entryPrice: 1_500_000_000_000n,
      lockAmount: 6_700_000_000n,
      exitFeeUsd: 1_000_000n,
      liquidationFeeUsd: 2_000_000n,
      borrowFeeUsd: 300_000n,
      netPnlUsd: 0n, // the API's figure at its own read: not used
    };
    const price = 1_530_000_000_000n; // +2%: $20 price PnL
    for (const withFees of [true, false]) {
      const rows = [position, { ...position, side: 'short' as const }].map((p) => ({ collateralUsd: p.collateralUsd, ...positionView({ market: p.market, position: p, price, withFees }) }));
      const totals = portfolioTotals({ balances: { USDC: 0n, SOL: 0n, WBTC: 0n, BONK: 0n }, tokenPrices: {}, lp: { ALP: 0n, RWALP: 0n }, lpPricesUsd: {}, positions: rows, realizedPnlUsd: [] });
      expect(totals.unrealizedPnlUsd).toBe(rows.reduce((s, r) => s + r.shownPnlUsd, 0n));
      // long: +20 − 1 − 0.3 = 18.7; short: −20 − 1.3 = −21.3 → after fees −2.6; before fees 0
      expect(totals.unrealizedPnlUsd).toBe(withFees ? -2_600_000n : 0n);
      expect(totals.positionsUsd).toBe(200_000_000n - 2_600_000n);
    }
  });
});
