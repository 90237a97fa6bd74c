import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { borrowRateHourly, utilizationBps } from './borrow-rate';
import { CUSTODIES } from './params';

const STANDARD = CUSTODIES.ALP.SOL!.borrow;
const BONK = CUSTODIES.ALP.BONK!.borrow;

describe('utilizationBps (§4)', () => {
  it.each([
    [0n, 0n, 0n],
    [5n, 0n, 0n],
    [1n, 3n, 3_333n],
    [10n, 10n, 10_000n],
    [0n, 10n, 0n],
  ])('locked %s of owned %s → %s bps', (locked, owned, bps) => expect(utilizationBps({ locked, owned })).toBe(bps));
});

describe('borrowRateHourly (§4)', () => {
  it.each([
    // u ≤ uOpt: ceil(22_831 × u / 8000); u > uOpt: 22_831 + ceil(69_064 × (u − 8000) / 2000)
    [0n, 0n, 0n],
    [1n, 3n, 6n],
    [5_000n, 14_270n, 28_539n],
    [8_000n, 22_831n, 45_662n],
    [9_000n, 57_363n, 108_847n],
    [10_000n, 91_895n, 172_032n],
    [12_000n, 91_895n, 172_032n],
    [-5n, 0n, 0n],
  ])('u = %s bps → standard %s, BONK %s', (u, standard, bonk) => {
    expect(borrowRateHourly({ utilizationBps: u, ...STANDARD })).toBe(standard);
    expect(borrowRateHourly({ utilizationBps: u, ...BONK })).toBe(bonk);
  });

  it('with uOpt 0 charges the optimum rate at zero utilization', () => {
    expect(borrowRateHourly({ utilizationBps: 0n, uOptBps: 0n, rateAtOptHourly: 7n, rateMaxHourly: 9n })).toBe(7n);
  });

  it('is monotone in utilization', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 9_999n }), (u) => {
        expect(borrowRateHourly({ utilizationBps: u + 1n, ...STANDARD }) >= borrowRateHourly({ utilizationBps: u, ...STANDARD })).toBe(true);
      }),
    );
  });
});
