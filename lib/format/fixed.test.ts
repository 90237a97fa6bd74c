import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitsForSignificant, formatFixed, roundToDigits } from '@/lib/format/fixed';

describe('formatFixed', () => {
  it.each([
    [1_502_500_000_000n, 10, 2, '150.25'],
    [1_502_550_000_000n, 10, 2, '150.26'], // half rounds away from zero
    [-1_502_550_000_000n, 10, 2, '-150.26'],
    [1_234_567_890_000n, 6, 2, '1,234,567.89'],
    [0n, 6, 2, '0.00'],
    [5n, 6, 2, '0.00'],
    [5_000n, 6, 2, '0.01'],
    [-4_999n, 6, 2, '0.00'],
    [999_999n, 6, 0, '1'],
    [12n, 0, 2, '12.00'],
  ])('%s at %s decimals with %s digits → %s', (value, decimals, digits, expected) => {
    expect(formatFixed(value, decimals, { digits })).toBe(expected);
  });

  it.each([
    [1_500_000_000n, 9, 4, '1.5'],
    [1_000_000_000n, 9, 4, '1'],
    [1_000_000_000_000n, 6, 2, '1,000,000'],
  ])('trims %s → %s', (value, decimals, digits, expected) => {
    expect(formatFixed(value, decimals, { digits, trim: true })).toBe(expected);
  });

  it('can skip grouping', () => {
    expect(formatFixed(1_234_500_000n, 6, { digits: 1, group: false })).toBe('1234.5');
  });

  it('the displayed digits differ from the exact value by at most half a unit of the last digit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 10 }), (v, digits) => {
        const r = roundToDigits(v, 10, digits);
        const back = r * 10n ** BigInt(10 - digits);
        const diff = back > v ? back - v : v - back;
        expect(2n * diff <= 10n ** BigInt(10 - digits)).toBe(true);
        expect(formatFixed(v, 10, { digits, group: false }).replace('-', '').replace('.', '')).toBe((r < 0n ? -r : r).toString().padStart(digits + 1, '0'));
      }),
    );
  });
});

describe('digitsForSignificant', () => {
  it.each([
    [1_502_500_000_000n, 10, 2], // ≥ 1 → min
    [234_560n, 10, 8], // 0.000023456: 4 zeros after the point + 4 significant digits = 8 (0.00002346)
    [5_000_000_000n, 10, 4], // 0.5 → 0 leading zeros + 4
    [0n, 10, 2],
  ])('%s at %s decimals → %s digits', (value, decimals, expected) => {
    expect(digitsForSignificant(value, decimals, { sig: 4, min: 2, max: 10 })).toBe(expected);
  });
});
