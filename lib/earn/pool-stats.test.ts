import { describe, expect, it } from 'vitest';
import type { Custody } from '@/lib/client/types';
import { lpValueUsd, poolOpenInterestUsd, poolUtilizationBps } from './pool-stats';
import { feedQuotesFromMarkets } from './feed-quotes';

function custody(partial: Partial<Custody> & Pick<Custody, 'token' | 'decimals' | 'owned' | 'locked'>): Custody {
  return {
    utilizationBps: 0n, borrowRateHourly: 0n, ratioBps: 0n, targetBps: 0n, minBps: 0n, maxBps: 0n, addFeeBps: 0n,
    removeFeeBps: 0n, price: undefined, low: undefined, high: undefined, ...partial,
  };
}

describe('lpValueUsd', () => {
  it.each([
    // 2 ALP at $1.05 = $2.10
    { lpAmount: 2_000_000n, lpPriceUsd: 1_050_000n, expected: 2_100_000n },
    // 1 micro-LP at $1.999999 floors to 1 micro-dollar
    { lpAmount: 1n, lpPriceUsd: 1_999_999n, expected: 1n },
    { lpAmount: 0n, lpPriceUsd: 1_000_000n, expected: 0n },
  ])('$lpAmount LP at $lpPriceUsd → $expected', ({ lpAmount, lpPriceUsd, expected }) => {
    expect(lpValueUsd({ lpAmount, lpPriceUsd })).toBe(expected);
  });
});

describe('poolUtilizationBps', () => {
  // SOL at mid $150: low = floor(150 × 0.9975) = $149.625
  const quotes = feedQuotesFromMarkets([{ id: 'SOL', price: 1_500_000_000_000n, low: 1_496_250_000_000n, high: 1_503_750_000_000n }]);

  it('values locked and owned at low, across custodies', () => {
    const custodies = [
      // $1,000 owned, $500 locked
      custody({ token: 'USDC', decimals: 6, owned: 1_000_000_000n, locked: 500_000_000n }),
      // 10 SOL owned ($1,496.25), 2 SOL locked ($299.25)
      custody({ token: 'SOL', decimals: 9, owned: 10_000_000_000n, locked: 2_000_000_000n }),
    ];
    // (500 + 299.25) / (1000 + 1496.25) = 799.25 / 2496.25 = 0.320180… → 3201 bps
    expect(poolUtilizationBps({ custodies, quotes })).toBe(3201n);
  });

  it('is 0 for an empty pool and undefined without a price', () => {
    expect(poolUtilizationBps({ custodies: [custody({ token: 'USDC', decimals: 6, owned: 0n, locked: 0n })], quotes })).toBe(0n);
    expect(poolUtilizationBps({ custodies: [custody({ token: 'WBTC', decimals: 8, owned: 1n, locked: 0n })], quotes })).toBeUndefined();
  });
});

describe('poolOpenInterestUsd', () => {
  it('sums the pool’s markets per side only', () => {
    const markets = [
      { pool: 'ALP' as const, openInterestLongUsd: 5n, openInterestShortUsd: 7n },
      { pool: 'ALP' as const, openInterestLongUsd: 11n, openInterestShortUsd: 13n },
      { pool: 'RWALP' as const, openInterestLongUsd: 100n, openInterestShortUsd: 200n },
    ];
    expect(poolOpenInterestUsd({ pool: 'ALP', markets })).toEqual({ longUsd: 16n, shortUsd: 20n });
    expect(poolOpenInterestUsd({ pool: 'RWALP', markets })).toEqual({ longUsd: 100n, shortUsd: 200n });
  });
});
