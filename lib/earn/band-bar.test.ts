import { describe, expect, it } from 'vitest';
import { bandBarGeometry, barScaleBps, cssPercent, ratioStatus } from './band-bar';

describe('barScaleBps', () => {
  it.each([
    // USDC 25–40%: 1.5 × 40% = 60%
    { ratioBps: 3000n, maxBps: 4000n, expected: 6000n },
    // BONK 5–15% at 10%: 1.5 × 15% = 22.5% → 25%
    { ratioBps: 1000n, maxBps: 1500n, expected: 2500n },
    // ratio above max drives the scale: 1.5 × 41% = 61.5% → 65%
    { ratioBps: 4100n, maxBps: 4000n, expected: 6500n },
    // RWALP single custody: capped at 100%
    { ratioBps: 10_000n, maxBps: 10_000n, expected: 10_000n },
    { ratioBps: 0n, maxBps: 0n, expected: 500n },
  ])('ratio $ratioBps, max $maxBps → $expected', (row) => {
    expect(barScaleBps(row)).toBe(row.expected);
  });
});

describe('cssPercent', () => {
  it.each([
    { part: 3000n, whole: 6000n, expected: '50.00%' },
    { part: 1n, whole: 3n, expected: '33.33%' },
    { part: 2n, whole: 3n, expected: '66.66%' },
    { part: 7000n, whole: 6000n, expected: '100.00%' },
    { part: -5n, whole: 6000n, expected: '0%' },
    { part: 5n, whole: 0n, expected: '0%' },
  ])('$part / $whole → $expected', ({ part, whole, expected }) => {
    expect(cssPercent(part, whole)).toBe(expected);
  });
});

describe('ratioStatus', () => {
  it.each([
    { ratioBps: 2499n, expected: 'below' },
    { ratioBps: 2500n, expected: 'within' },
    { ratioBps: 4000n, expected: 'within' },
    { ratioBps: 4001n, expected: 'above' },
  ] as const)('$ratioBps in 25–40% → $expected', ({ ratioBps, expected }) => {
    expect(ratioStatus({ ratioBps, minBps: 2500n, maxBps: 4000n })).toBe(expected);
  });
});

describe('bandBarGeometry', () => {
  it('places USDC at 31% of a 60% bar with the 25–40% band', () => {
    expect(bandBarGeometry({ ratioBps: 3100n, targetBps: 3000n, minBps: 2500n, maxBps: 4000n })).toEqual({
      scaleBps: 6000n,
      fillWidth: '51.66%',
      bandLeft: '41.66%',
      bandWidth: '25.00%',
      targetLeft: '50.00%',
      status: 'within',
    });
  });
});
