import { describe, expect, it } from 'vitest';
import { borrowCost } from './open-costs';

describe('borrowCost: the borrow fee of this size per hour and per day, rounded up as the pool charges it', () => {
  it.each([
    // rate 1e9 = 100%/h. 22_831 ≈ 20% APR: $1,000 × 0.0022831%/h = $0.022831/h, $0.547944/day
    [1_000_000_000n, 22_831n, 22_831n, 547_944n],
    [496_511_220n, 9n, 5n, 108n], // "0.0000009%/h" on $496.51: $0.000005/h, $0.000108/day (ceil)
    [1_000_000_000n, 0n, 0n, 0n], // an idle pool charges nothing yet
    [1n, 1n, 1n, 1n], // one unit of size at the smallest rate still costs one unit (rounded up)
  ])('size %s at %s/h → %s per hour, %s per day', (sizeUsd, rateHourly, perHourUsd, perDayUsd) => {
    expect(borrowCost({ sizeUsd, rateHourly })).toEqual({ rateHourly, perHourUsd, perDayUsd });
  });
});
