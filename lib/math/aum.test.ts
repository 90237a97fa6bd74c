import { describe, expect, it } from 'vitest';
import { EMPTY_AGGREGATE, addToAggregate } from './aggregates';
import { aumUsd } from './aum';
import { GENESIS } from './params';
import { PRICE_ONE } from './scales';

describe('aumUsd (§8)', () => {
  it('values the genesis ALP custodies at their lows (about $10M less the 25 bps band)', () => {
    const custodies = [
      { owned: GENESIS.pools.ALP.custodies.USDC!, low: PRICE_ONE, decimals: 6 },
      { owned: GENESIS.pools.ALP.custodies.SOL!, low: 1_496_250_000_000n, decimals: 9 },
      { owned: GENESIS.pools.ALP.custodies.WBTC!, low: 947_625_000_000_000n, decimals: 8 },
      { owned: GENESIS.pools.ALP.custodies.BONK!, low: 249_375n, decimals: 5 },
    ];
    // 3,000,000 + 3,491,249.999999 + 2,493,749.99965 + 997,500 (each floored)
    expect(aumUsd({ custodies, sides: [] })).toBe(9_982_499_999_649n);
  });

  it('subtracts trader PnL and adds accrued borrow fees', () => {
    const agg = addToAggregate({
      agg: EMPTY_AGGREGATE,
      position: {
        side: 'long',
        sizeUsd: 1_000_000_000n,
        collateralUsd: 100_000_000n,
        collateralAmount: 0n,
        entryPrice: 1_000_000_000_000n,
        lockAmount: 0n,
        exitFeeUsd: 0n,
        liquidationFeeUsd: 0n,
        carriedInterestUsd: 0n,
        interestSnapshot: 0n,
      },
    });
    const custodies = [{ owned: 10_000_000_000n, low: PRICE_ONE, decimals: 6 }];
    // 10,000 − 100 (10% up on $1,000) + 1,000 × 1000 / 1e9 = $0.001
    expect(aumUsd({ custodies, sides: [{ side: 'long', agg, price: 1_100_000_000_000n, cumulativeInterest: 1_000n }] })).toBe(9_900_001_000n);
    // never below 0
    expect(aumUsd({ custodies: [], sides: [{ side: 'long', agg, price: 1_100_000_000_000n, cumulativeInterest: 0n }] })).toBe(0n);
  });
});
