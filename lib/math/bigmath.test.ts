import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bigAbs, bigClamp, bigMax, bigMin, divCeil, divFloor, divRound, mulDiv, mulDivCeil, mulDivFloor } from './bigmath';

describe('divFloor / divCeil', () => {
  it.each([
    [7n, 2n, 3n, 4n],
    [-7n, 2n, -4n, -3n],
    [7n, -2n, -4n, -3n],
    [-7n, -2n, 3n, 4n],
    [6n, 3n, 2n, 2n],
    [-6n, 3n, -2n, -2n],
    [0n, 5n, 0n, 0n],
    [1n, 10n ** 30n, 0n, 1n],
  ])('%s / %s → floor %s, ceil %s', (a, d, floor, ceil) => {
    expect(divFloor(a, d)).toBe(floor);
    expect(divCeil(a, d)).toBe(ceil);
    expect(divRound(a, d, 'floor')).toBe(floor);
    expect(divRound(a, d, 'ceil')).toBe(ceil);
  });

  it('throws on division by zero', () => {
    expect(() => divFloor(1n, 0n)).toThrow(RangeError);
  });

  it('brackets the exact quotient for any signs', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).filter((d) => d !== 0n), (a, d) => {
        const f = divFloor(a, d);
        const c = divCeil(a, d);
        // f ≤ a/d ≤ c, c − f ∈ {0, 1}, checked without division by multiplying through |d|
        const sign = d > 0n ? 1n : -1n;
        expect(f * d * sign <= a * sign).toBe(true);
        expect(c * d * sign >= a * sign).toBe(true);
        expect(c - f).toBe(a % d === 0n ? 0n : 1n);
      }),
    );
  });
});

describe('mulDiv', () => {
  it.each([
    [3n, 5n, 4n, 3n, 4n],
    [-3n, 5n, 4n, -4n, -3n],
    [10n ** 40n, 10n ** 40n, 10n ** 60n, 10n ** 20n, 10n ** 20n],
  ])('%s × %s / %s → floor %s, ceil %s', (a, b, d, floor, ceil) => {
    expect(mulDivFloor(a, b, d)).toBe(floor);
    expect(mulDivCeil(a, b, d)).toBe(ceil);
    expect(mulDiv(a, b, d, 'floor')).toBe(floor);
    expect(mulDiv(a, b, d, 'ceil')).toBe(ceil);
  });
});

describe('min, max, abs, clamp', () => {
  it('pick the right values', () => {
    expect(bigMin(3n, -1n, 2n)).toBe(-1n);
    expect(bigMax(3n, -1n, 5n)).toBe(5n);
    expect(bigMin(4n)).toBe(4n);
    expect(bigAbs(-9n)).toBe(9n);
    expect(bigAbs(9n)).toBe(9n);
    expect(bigClamp(-1n, 0n, 10n)).toBe(0n);
    expect(bigClamp(11n, 0n, 10n)).toBe(10n);
    expect(bigClamp(5n, 0n, 10n)).toBe(5n);
  });
});
