import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { minOutAfterSlippage, parseSignedPercentBps } from './inputs';

describe('parseSignedPercentBps', () => {
  it.each([
    ['-20', -2000n],
    ['12.5', 1250n],
    ['+3', 300n],
    ['0', 0n],
    ['0.01', 1n],
    [' 50 ', 5000n],
    ['-100', -10_000n],
  ])('%s → %s bps', (text, expected) => {
    expect(parseSignedPercentBps(text)).toBe(expected);
  });

  it.each(['', '-', '--1', '1e3', '0x10', '1.234', '1.2.3', '.5', 'abc'])('rejects %j', (text) => {
    expect(parseSignedPercentBps(text)).toBeUndefined();
  });
});

describe('minOutAfterSlippage', () => {
  it.each([
    // 0.5% of 1,000,000 units
    { expected: 1_000_000n, slippageBps: 50n, out: 995_000n },
    // floors: 999 × 9950 / 10000 = 994.005 → 994
    { expected: 999n, slippageBps: 50n, out: 994n },
    { expected: 1_000n, slippageBps: 0n, out: 1_000n },
    { expected: 1_000n, slippageBps: 10_000n, out: 0n },
    { expected: 1_000n, slippageBps: 20_000n, out: 0n },
    { expected: 1_000n, slippageBps: -5n, out: 1_000n },
    { expected: 0n, slippageBps: 50n, out: 0n },
  ])('$expected at $slippageBps bps → $out', ({ expected, slippageBps, out }) => {
    expect(minOutAfterSlippage({ expected, slippageBps })).toBe(out);
  });

  it('never exceeds what was expected', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.bigInt({ min: 0n, max: 10_000n }), (expected, slippageBps) => {
        const out = minOutAfterSlippage({ expected, slippageBps });
        return out <= expected && out >= 0n;
      }),
    );
  });
});
