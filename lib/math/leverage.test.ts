import { describe, expect, it } from 'vitest';
import { currentLeverageBps } from './leverage';

describe('currentLeverageBps (§6)', () => {
  it.each([
    [1_496_250_000n, 299_250_000n, 0n, 0n, 50_000n],
    // equity 299.25 − 100 + 0 = 199.25 → 1496.25 / 199.25 = 7.50941… → ceil 75_095 bps
    [1_496_250_000n, 299_250_000n, -100_000_000n, 0n, 75_095n],
    [1_496_250_000n, 299_250_000n, 0n, 100_000_000n, 75_095n],
    [1_496_250_000n, 299_250_000n, 1_496_250_000n, 0n, 8_334n],
    [1_496_250_000n, 299_250_000n, -299_250_000n, 0n, undefined],
    [1_496_250_000n, 299_250_000n, -300_000_000n, 0n, undefined],
  ])('size %s collateral %s pnl %s borrow %s → %s', (sizeUsd, collateralUsd, pricePnlUsd, borrowFeeUsd, expected) => {
    expect(currentLeverageBps({ sizeUsd, collateralUsd, pricePnlUsd, borrowFeeUsd })).toBe(expected);
  });
});
