import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isLiquidatable, liquidationPrice, maxLossUsd } from './liquidation';

const P150 = 1_500_000_000_000n;

describe('maxLossUsd (§6)', () => {
  it('is the maintenance margin rounded up plus the fees', () => {
    // ceil(1_496_250_000 / 200) = 7_481_250
    expect(maxLossUsd({ sizeUsd: 1_496_250_000n, liquidationLeverageBps: 2_000_000n, liquidationFeeUsd: 2_992_500n, borrowFeeUsd: 0n })).toBe(10_473_750n);
    // ceil(1 / 200) = 1
    expect(maxLossUsd({ sizeUsd: 1n, liquidationLeverageBps: 2_000_000n, liquidationFeeUsd: 0n, borrowFeeUsd: 5n })).toBe(6n);
  });
});

describe('liquidationPrice (§6)', () => {
  it.each([
    ['long', 1_496_250_000n, 299_250_000n, P150, 2_000_000n, 2_992_500n, 0n, 1_210_500_000_000n],
    ['short', 10_000_000_000n, 500_000_000n, 950_000_000_000_000n, 2_000_000n, 20_000_000n, 0n, 990_850_000_000_000n],
    ['long', 4_987_500_000n, 249_375_000n, 250_000n, 1_000_000n, 14_962_500n, 0n, 240_750n],
    // borrow fees move it: $100 more owed on $1,496.25 at 150 raises a long's price by 100 × 150 / 1496.25 = 10.02506265…, so 121.05 → 131.0750626567
    ['long', 1_496_250_000n, 299_250_000n, P150, 2_000_000n, 2_992_500n, 100_000_000n, 1_310_750_626_567n],
    // 1x long: collateral exceeds size + max loss → the price would be negative, clamped at 0 (never liquidated)
    ['long', 100_000_000n, 200_000_000n, P150, 2_000_000n, 200_000n, 0n, 0n],
    // collateral below max loss: a long's price is above its entry (liquidatable at once)
    ['long', 1_000_000_000n, 5_000_000n, P150, 2_000_000n, 2_000_000n, 0n, 1_503_000_000_000n],
    // …and a short's below its entry; clamped at 0 when the shortfall exceeds the size
    ['short', 1_000_000_000n, 5_000_000n, P150, 2_000_000n, 2_000_000n, 0n, 1_497_000_000_000n],
    ['short', 100_000_000n, 0n, P150, 2_000_000n, 200_000_000n, 0n, 0n],
    ['long', 0n, 10n, P150, 2_000_000n, 0n, 0n, 0n],
  ] as const)('%s size %s collateral %s entry %s (liq lev %s, fee %s, borrow %s) → %s', (side, sizeUsd, collateralUsd, entryPrice, liquidationLeverageBps, liquidationFeeUsd, borrowFeeUsd, expected) => {
    expect(liquidationPrice({ side, sizeUsd, collateralUsd, entryPrice, liquidationLeverageBps, liquidationFeeUsd, borrowFeeUsd })).toBe(expected);
  });
});

describe('isLiquidatable (§6)', () => {
  it.each([
    ['long', 1_210_500_000_000n, 1_210_500_000_000n, true],
    ['long', 1_210_500_000_001n, 1_210_500_000_000n, false],
    ['long', 1_210_499_999_999n, 1_210_500_000_000n, true],
    ['short', 990_850_000_000_000n, 990_850_000_000_000n, true],
    ['short', 990_849_999_999_999n, 990_850_000_000_000n, false],
  ] as const)('%s at %s with liquidation price %s → %s', (side, price, liq, expected) => {
    expect(isLiquidatable({ side, price, liquidationPrice: liq })).toBe(expected);
  });

  it('the liquidation price is the exact boundary, one price unit on each side (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('long' as const, 'short' as const),
        fc.bigInt({ min: 10_000_000n, max: 10n ** 12n }),
        fc.bigInt({ min: 11_000n, max: 1_000_000n }),
        fc.bigInt({ min: 1n, max: 10n ** 16n }),
        fc.constantFrom(1_000_000n, 2_000_000n),
        fc.bigInt({ min: 0n, max: 50n }),
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        (side, collateralUsd, leverageBps, entryPrice, liquidationLeverageBps, feeBps, borrowFeeUsd) => {
          const sizeUsd = (collateralUsd * leverageBps) / 10_000n;
          const liquidationFeeUsd = (sizeUsd * feeBps + 9_999n) / 10_000n;
          const liq = liquidationPrice({ side, sizeUsd, collateralUsd, entryPrice, liquidationLeverageBps, liquidationFeeUsd, borrowFeeUsd });
          const m = maxLossUsd({ sizeUsd, liquidationLeverageBps, liquidationFeeUsd, borrowFeeUsd });
          // Exact (equity − maintenance) × entry at price p, in integers.
          const surplus = (p: bigint): bigint => (collateralUsd - m) * entryPrice + sizeUsd * (side === 'long' ? p - entryPrice : entryPrice - p);
          expect(liq >= 0n).toBe(true);
          expect(isLiquidatable({ side, price: liq, liquidationPrice: liq })).toBe(true);
          if (side === 'long') {
            expect(isLiquidatable({ side, price: liq + 1n, liquidationPrice: liq })).toBe(false);
            expect(surplus(liq) >= 0n).toBe(true);
            if (liq > 0n) expect(surplus(liq - 1n) < 0n).toBe(true);
          } else {
            if (liq > 0n) expect(isLiquidatable({ side, price: liq - 1n, liquidationPrice: liq })).toBe(false);
            expect(surplus(liq + 1n) < 0n).toBe(true);
            // at 0 the price may be clamped (the short is liquidatable at once), so check the surplus only above it
            if (liq > 0n) expect(surplus(liq) >= 0n).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
