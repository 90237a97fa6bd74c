import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { feeAprBps, lpPriceReturnAprBps } from './apr';

const USD = 1_000_000n;

describe('feeAprBps', () => {
  it.each([
    // $70,000 of fees in 7 days on $10M AUM: 70k × 365/7 / 10M = 36.5% = 3650 bps
    { fees7dUsd: 70_000n * USD, aumUsd: 10_000_000n * USD, expected: 3650n },
    // $1 on $1: 365/7 = 52.142857… → 521428 bps (floor)
    { fees7dUsd: USD, aumUsd: USD, expected: 521_428n },
    // zero fees → 0%
    { fees7dUsd: 0n, aumUsd: USD, expected: 0n },
    // one micro-dollar on $10M floors to 0
    { fees7dUsd: 1n, aumUsd: 10_000_000n * USD, expected: 0n },
    // $1,918 on $1M: 1918 × 365 / 7 / 1e6 = 10.0009% → 1000 bps
    { fees7dUsd: 1_918n * USD, aumUsd: 1_000_000n * USD, expected: 1000n },
  ])('$fees7dUsd over $aumUsd → $expected bps', ({ fees7dUsd, aumUsd, expected }) => {
    expect(feeAprBps({ fees7dUsd, aumUsd })).toBe(expected);
  });

  it.each([
    { fees7dUsd: undefined, aumUsd: USD },
    { fees7dUsd: USD, aumUsd: 0n },
    { fees7dUsd: USD, aumUsd: -5n },
    { fees7dUsd: -1n, aumUsd: USD },
  ])('has no answer for $fees7dUsd over $aumUsd', ({ fees7dUsd, aumUsd }) => {
    expect(feeAprBps({ fees7dUsd, aumUsd })).toBeUndefined();
  });

  it('never exceeds the exact rational and is within one bp of it', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 15n }), (fees, aum) => {
        const apr = feeAprBps({ fees7dUsd: fees, aumUsd: aum });
        if (apr === undefined) return false;
        const scaled = fees * 365n * 10_000n;
        return apr * 7n * aum <= scaled && (apr + 1n) * 7n * aum > scaled;
      }),
    );
  });
});

describe('lpPriceReturnAprBps', () => {
  const WEEK = 7n * 86_400n;
  it.each([
    // $1.00 → $1.01 in 7 days: 1% × 365/7 = 52.142…% → 5214 bps
    { startLpPriceUsd: USD, endLpPriceUsd: 1_010_000n, elapsedS: WEEK, expected: 5214n },
    // $1.00 → $0.99 in 7 days: −52.142…% floors to −5215 bps
    { startLpPriceUsd: USD, endLpPriceUsd: 990_000n, elapsedS: WEEK, expected: -5215n },
    // unchanged
    { startLpPriceUsd: USD, endLpPriceUsd: USD, elapsedS: WEEK, expected: 0n },
    // $1 → $2 in a year (365 days): +100% = 10000 bps
    { startLpPriceUsd: USD, endLpPriceUsd: 2n * USD, elapsedS: 365n * 86_400n, expected: 10_000n },
  ])('$startLpPriceUsd → $endLpPriceUsd in $elapsedS s → $expected bps', (row) => {
    expect(lpPriceReturnAprBps(row)).toBe(row.expected);
  });

  it.each([
    { startLpPriceUsd: 0n, endLpPriceUsd: USD, elapsedS: 1n },
    { startLpPriceUsd: USD, endLpPriceUsd: USD, elapsedS: 0n },
  ])('has no answer for a zero start price or no elapsed time', (row) => {
    expect(lpPriceReturnAprBps(row)).toBeUndefined();
  });
});
