import { describe, expect, it } from 'vitest';
import { fixedToChartNumber } from '@/lib/format/chart';
import { lpPriceSeries } from './chart-points';

describe('fixedToChartNumber', () => {
  it.each([
    { value: 1_050_000n, decimals: 6, expected: 1.05 },
    { value: 1n, decimals: 6, expected: 0.000001 },
    { value: -2_500_000n, decimals: 6, expected: -2.5 },
    { value: 1_234_567_000_000n, decimals: 6, expected: 1_234_567 },
  ])('$value at $decimals decimals → $expected', ({ value, decimals, expected }) => {
    expect(fixedToChartNumber(value, decimals)).toBe(expected);
  });
});

describe('lpPriceSeries', () => {
  it('sorts by time and keeps the last point of a repeated time', () => {
    const points = [
      { time: 20, lpPriceUsd: 1_010_000n, aumUsd: 0n },
      { time: 10, lpPriceUsd: 1_000_000n, aumUsd: 0n },
      { time: 20, lpPriceUsd: 1_020_000n, aumUsd: 0n },
    ];
    expect(lpPriceSeries(points)).toEqual([
      { time: 10, value: 1 },
      { time: 20, value: 1.02 },
    ]);
  });
});
