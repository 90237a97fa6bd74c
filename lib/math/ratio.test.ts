import { describe, expect, it } from 'vitest';
import { checkRatioRule, custodyRatiosBps, distanceFromBandBps } from './ratio';

describe('custodyRatiosBps (§8)', () => {
  it.each([
    [[3_000n, 3_500n, 2_500n, 1_000n], [3_000n, 3_500n, 2_500n, 1_000n]],
    [[1n, 1n, 1n], [3_333n, 3_333n, 3_333n]],
    [[0n, 0n], [0n, 0n]],
    [[5n], [10_000n]],
  ])('%o → %o', (values, ratios) => expect(custodyRatiosBps(values)).toEqual(ratios));
});

describe('checkRatioRule (§8)', () => {
  it.each([
    [3_000n, 3_500n],
    [3_000n, 4_000n],
    [3_000n, 2_500n],
    // already above the band and moving toward it (or staying) is allowed
    [4_500n, 4_200n],
    [4_500n, 4_500n],
    [2_000n, 2_100n],
  ])('allows %s → %s bps in [2500, 4000]', (beforeBps, afterBps) => {
    expect(() => checkRatioRule({ beforeBps, afterBps, minBps: 2_500n, maxBps: 4_000n })).not.toThrow();
  });

  it.each([
    [3_000n, 4_100n, 'USDC would be 41% of ALP; the maximum is 40%.'],
    [4_100n, 4_150n, 'USDC would be 41.5% of ALP; the maximum is 40%.'],
    [2_600n, 2_499n, 'USDC would be 24.99% of ALP; the minimum is 25%.'],
  ])('refuses %s → %s bps', (beforeBps, afterBps, message) => {
    expect(() => checkRatioRule({ beforeBps, afterBps, minBps: 2_500n, maxBps: 4_000n, token: 'USDC', pool: 'ALP' })).toThrow(
      expect.objectContaining({ code: 'RATIO_OUT_OF_BAND', message }),
    );
  });

  it('has a default wording', () => {
    expect(() => checkRatioRule({ beforeBps: 15n, afterBps: 10n, minBps: 20n, maxBps: 100n })).toThrow('This token would be 0.1% of the pool; the minimum is 0.2%.');
  });

  it('measures the distance from the band', () => {
    expect(distanceFromBandBps({ ratioBps: 2_000n, minBps: 2_500n, maxBps: 4_000n })).toBe(500n);
    expect(distanceFromBandBps({ ratioBps: 4_100n, minBps: 2_500n, maxBps: 4_000n })).toBe(100n);
    expect(distanceFromBandBps({ ratioBps: 3_000n, minBps: 2_500n, maxBps: 4_000n })).toBe(0n);
  });
});
