import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { averageEntryPrice, increasePosition } from './increase';
import type { PositionState } from './position';

describe('averageEntryPrice (§5.6)', () => {
  it.each([
    // $1,000 at $100 + $3,000 at $120: 4000 / (10 + 25) = 114.2857142857142857… = 8e12 / 7
    ['long', 1_000_000_000n, 1_000_000_000_000n, 3_000_000_000n, 1_200_000_000_000n, 1_142_857_142_858n],
    ['short', 1_000_000_000n, 1_000_000_000_000n, 3_000_000_000n, 1_200_000_000_000n, 1_142_857_142_857n],
    ['long', 1_000_000_000n, 1_000_000_000_000n, 1_000_000_000n, 1_000_000_000_000n, 1_000_000_000_000n],
    ['long', 0n, 1_000_000_000_000n, 0n, 1_200_000_000_000n, 1_200_000_000_000n],
  ] as const)('%s %s at %s + %s at %s → %s', (side, sizeUsdA, entryPriceA, sizeUsdB, entryPriceB, expected) => {
    expect(averageEntryPrice({ side, sizeUsdA, entryPriceA, sizeUsdB, entryPriceB })).toBe(expected);
  });

  it('rounds against the trader by less than one unit (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('long' as const, 'short' as const),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 16n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 16n }),
        (side, sizeUsdA, entryPriceA, sizeUsdB, entryPriceB) => {
          const avg = averageEntryPrice({ side, sizeUsdA, entryPriceA, sizeUsdB, entryPriceB });
          const num = (sizeUsdA + sizeUsdB) * entryPriceA * entryPriceB;
          const den = sizeUsdA * entryPriceB + sizeUsdB * entryPriceA;
          if (side === 'long') expect(avg * den >= num && (avg - 1n) * den < num).toBe(true);
          else expect(avg * den <= num && (avg + 1n) * den > num).toBe(true);
        },
      ),
    );
  });
});

describe('increasePosition (§5.6)', () => {
  it('adds sizes, collateral, lock and fees, averages the entry, carries the borrow fee', () => {
    const existing: PositionState = {
      side: 'long',
      sizeUsd: 1_000_000_000n,
      collateralUsd: 100_000_000n,
      collateralAmount: 1_000_000_000n,
      entryPrice: 1_000_000_000_000n,
      lockAmount: 10_000_000_000n,
      exitFeeUsd: 1_000_000n,
      liquidationFeeUsd: 2_000_000n,
      carriedInterestUsd: 5n,
      interestSnapshot: 1_000n,
    };
    const added = {
      collateralAmount: 2_500_000_000n,
      collateralUsd: 300_000_000n,
      sizeUsd: 3_000_000_000n,
      entryPrice: 1_200_000_000_000n,
      lockAmount: 25_000_000_000n,
      exitFeeUsd: 3_000_000n,
      liquidationFeeUsd: 6_000_000n,
    };
    // carried = 5 + ceil((8135 − 1000) × 1_000_000_000 / 1e9) = 5 + 7135
    expect(increasePosition(existing, added, { cumulativeInterest: 8_135n })).toEqual({
      side: 'long',
      sizeUsd: 4_000_000_000n,
      collateralUsd: 400_000_000n,
      collateralAmount: 3_500_000_000n,
      entryPrice: 1_142_857_142_858n,
      lockAmount: 35_000_000_000n,
      exitFeeUsd: 4_000_000n,
      liquidationFeeUsd: 8_000_000n,
      carriedInterestUsd: 7_140n,
      interestSnapshot: 8_135n,
    });
  });
});
