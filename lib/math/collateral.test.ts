import { describe, expect, it } from 'vitest';
import { addCollateral, removeCollateral } from './collateral';
import type { PositionState } from './position';
import { PRICE_ONE } from './scales';

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
  interestSnapshot: 0n,
};

describe('addCollateral (§6)', () => {
  it('values the deposit at low', () => {
    // 1 SOL at 149.625
    expect(addCollateral({ position: SOL_LONG, amount: 1_000_000_000n, low: 1_496_250_000_000n, decimals: 9 })).toEqual({
      position: { ...SOL_LONG, collateralUsd: 448_875_000n, collateralAmount: 3_000_000_000n },
      addedUsd: 149_625_000n,
    });
  });

  it.each([0n, 1n])('refuses %s lamports with AMOUNT_TOO_SMALL', (amount) => {
    expect(() => addCollateral({ position: SOL_LONG, amount, low: 1_496_250_000_000n, decimals: 9 })).toThrow(expect.objectContaining({ code: 'AMOUNT_TOO_SMALL' }));
  });
});

describe('removeCollateral (§6)', () => {
  const base = { position: SOL_LONG, high: 1_503_750_000_000n, decimals: 9, pricePnlUsd: 0n, borrowFeeUsd: 0n, maxInitialLeverageBps: 1_000_000n };

  it('pays tokens at high', () => {
    // $100 / 150.375 = 0.665004156… SOL
    expect(removeCollateral({ ...base, amountUsd: 100_000_000n })).toEqual({
      position: { ...SOL_LONG, collateralUsd: 199_250_000n, collateralAmount: 1_334_995_844n },
      amountOut: 665_004_156n,
    });
  });

  it('allows exactly the maximum leverage and ignores unrealised profit', () => {
    // leaves 14.9625 = 1496.25 / 100 → exactly 100x
    expect(removeCollateral({ ...base, amountUsd: 284_287_500n }).position.collateralUsd).toBe(14_962_500n);
    expect(() => removeCollateral({ ...base, amountUsd: 284_287_501n, pricePnlUsd: 10n ** 12n })).toThrow(expect.objectContaining({ code: 'LEVERAGE_TOO_HIGH' }));
  });

  it.each([
    [{ amountUsd: 0n }, 'AMOUNT_TOO_SMALL'],
    [{ amountUsd: 289_250_001n }, 'REMAINING_COLLATERAL_TOO_SMALL'],
    [{ amountUsd: 284_287_501n }, 'LEVERAGE_TOO_HIGH'],
    [{ amountUsd: 100_000_000n, pricePnlUsd: -190_000_000n }, 'LEVERAGE_TOO_HIGH'],
    [{ amountUsd: 100_000_000n, borrowFeeUsd: 300_000_000n }, 'LEVERAGE_TOO_HIGH'],
  ] as const)('refuses %o with %s', (change, code) => {
    expect(() => removeCollateral({ ...base, ...change })).toThrow(expect.objectContaining({ code }));
  });

  it('explains the refusal', () => {
    expect(() => removeCollateral({ ...base, amountUsd: 289_250_001n })).toThrow('You can withdraw at most $289.25: at least $10 of collateral must stay.');
    expect(() => removeCollateral({ ...base, position: { ...SOL_LONG, collateralUsd: 5_000_000n }, amountUsd: 1_000_000n })).toThrow('You can withdraw at most $0: at least $10 of collateral must stay.');
    expect(() => removeCollateral({ ...base, amountUsd: 284_287_501n })).toThrow(
      "Withdrawing $284.28 would raise leverage to 100.0001x, above this market's maximum of 100x; withdraw less.",
    );
    expect(() => removeCollateral({ ...base, amountUsd: 100_000_000n, borrowFeeUsd: 300_000_000n })).toThrow(
      "Withdrawing $100 would raise leverage without limit, above this market's maximum of 100x; withdraw less.",
    );
  });

  it('never pays more tokens than the position holds', () => {
    const position = { ...SOL_LONG, sizeUsd: 11_000_000n, collateralUsd: 1_000_000_000n, collateralAmount: 5n, side: 'short' as const };
    expect(removeCollateral({ ...base, position, high: PRICE_ONE, decimals: 6, amountUsd: 900_000_000n }).amountOut).toBe(5n);
  });
});
