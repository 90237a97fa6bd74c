import { describe, expect, it } from 'vitest';
import { lpPriceSeries } from './chart-points';

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
