import { describe, expect, it } from 'vitest';
import { accrueCumulativeInterest, borrowFeeUsd } from './interest';
import { positionBorrowFeeUsd } from './position';
import type { PositionState } from './position';

describe('accrueCumulativeInterest (§4)', () => {
  it.each([
    // 1000 + ceil(1800 × 14270 / 3600) = 1000 + 7135
    [1_000n, 14_270n, 1_800n, 8_135n],
    [1_000n, 14_270n, 1_800, 8_135n],
    [1_000n, 14_270n, 1_800.9, 8_135n],
    // ceil(1 × 3 / 3600) = 1: a second of a tiny rate still accrues one unit
    [0n, 3n, 1n, 1n],
    [5n, 22_831n, 0n, 5n],
    [5n, 22_831n, -10, 5n],
    [5n, 0n, 3_600n, 5n],
  ])('from %s at rate %s for %s s → %s', (cumulativeInterest, rateHourly, elapsedS, expected) => {
    expect(accrueCumulativeInterest({ cumulativeInterest, rateHourly, elapsedS })).toBe(expected);
  });
});

describe('borrowFeeUsd (§4)', () => {
  it.each([
    // ceil(7135 × 50_000_000_000 / 1e9) = 356_750
    [0n, 8_135n, 1_000n, 50_000_000_000n, 356_750n],
    [100n, 8_135n, 1_000n, 50_000_000_000n, 356_850n],
    // ceil(1 × 1 / 1e9) = 1
    [0n, 1n, 0n, 1n, 1n],
    [7n, 5n, 5n, 50_000_000_000n, 7n],
    [7n, 4n, 5n, 50_000_000_000n, 7n],
  ])('carried %s, cumulative %s, snapshot %s, size %s → %s', (carriedInterestUsd, cumulativeInterest, interestSnapshot, borrowSizeUsd, fee) => {
    expect(borrowFeeUsd({ carriedInterestUsd, cumulativeInterest, interestSnapshot, borrowSizeUsd })).toBe(fee);
  });

  it('reads a position state', () => {
    const position: PositionState = {
      side: 'short',
      sizeUsd: 50_000_000_000n,
      collateralUsd: 5_000_000_000n,
      collateralAmount: 5_000_000_000n,
      entryPrice: 1_500_000_000_000n,
      lockAmount: 50_000_000_000n,
      exitFeeUsd: 50_000_000n,
      liquidationFeeUsd: 100_000_000n,
      carriedInterestUsd: 0n,
      interestSnapshot: 1_000n,
    };
    expect(positionBorrowFeeUsd({ position, cumulativeInterest: 8_135n })).toBe(356_750n);
  });
});
