import { describe, expect, it } from 'vitest';
import { positionMetrics } from './position-view';
import type { PositionState } from './position';

const SOL_LONG: PositionState = {
  side: 'long',
  sizeUsd: 1_496_250_000n,
  collateralUsd: 299_250_000n,
  collateralAmount: 2_000_000_000n,
  entryPrice: 1_500_000_000_000n,
  lockAmount: 10_000_000_000n,
  exitFeeUsd: 1_496_250n,
  liquidationFeeUsd: 2_992_500n,
  carriedInterestUsd: 0n,
  interestSnapshot: 1_000n,
};

describe('positionMetrics', () => {
  it.each([
    // fresh: 5x, liquidation at 121.05
    [1_500_000_000_000n, 1_000n, { borrowFeeUsd: 0n, pricePnlUsd: 0n, netPnlUsd: -1_496_250n, leverageBps: 50_000n, liquidationPrice: 1_210_500_000_000n, liquidatable: false }],
    // after 7135 of interest: fee ceil(7135 × 1496.25e6 / 1e9) = 10_676; equity 199.489324 → 7.5004x;
    // liq rises by 0.010676 × 150 / 1496.25 = 0.00107027…
    [1_400_000_000_000n, 8_135n, { borrowFeeUsd: 10_676n, pricePnlUsd: -99_750_000n, netPnlUsd: -101_256_926n, leverageBps: 75_005n, liquidationPrice: 1_210_510_702_757n, liquidatable: false }],
    // at the liquidation price: equity 10.47375 → 142.857…x
    [1_210_500_000_000n, 1_000n, { borrowFeeUsd: 0n, pricePnlUsd: -288_776_250n, netPnlUsd: -290_272_500n, leverageBps: 1_428_572n, liquidationPrice: 1_210_500_000_000n, liquidatable: true }],
  ])('at %s with cumulative %s', (price, cumulativeInterest, expected) => {
    expect(positionMetrics({ market: 'SOL', position: SOL_LONG, price, cumulativeInterest })).toEqual(expected);
  });
});
