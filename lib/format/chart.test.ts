import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedToChartNumber } from './chart';
import { formatFixed } from './fixed';

describe('fixedToChartNumber', () => {
  it.each([
    { value: 0n, decimals: 10, expected: 0 },
    { value: 1n, decimals: 10, expected: 1e-10 },
    { value: -1n, decimals: 10, expected: -1e-10 },
    { value: 1_234_500_000_000n, decimals: 10, expected: 123.45 },
    { value: -98_765_432_100_000n, decimals: 10, expected: -9876.54321 },
    { value: 420n, decimals: 0, expected: 420 },
    { value: 10_000_000_000n, decimals: 10, expected: 1 },
    { value: 1_050_000n, decimals: 6, expected: 1.05 },
    { value: -2_500_000n, decimals: 6, expected: -2.5 },
    { value: 1_234_567_000_000n, decimals: 6, expected: 1_234_567 },
  ])('$value at $decimals decimals → $expected', ({ value, decimals, expected }) => {
    expect(fixedToChartNumber(value, decimals)).toBe(expected);
  });

  it('is parseFloat of the exact decimal text (one rounding), for any value and scale', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 18 }), (value, decimals) => {
        const exact = Number.parseFloat(formatFixed(value, decimals, { digits: decimals, group: false }));
        expect(fixedToChartNumber(value, decimals)).toBe(exact);
      }),
    );
  });
});
