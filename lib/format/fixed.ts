/**
 * Display of fixed-point bigints. Rounding happens on the bigint (half away from zero), so no figure passes
 * through a float; grouping uses "," and the decimal point is ".".
 */
export interface FixedOptions {
  /** Digits after the point in the output. */
  digits: number;
  /** Drop trailing zeros of the fraction (and the point when nothing is left). */
  trim?: boolean;
  /** Thousands separators in the integer part (default true). */
  group?: boolean;
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Round `value` (scaled by 10^decimals) to `digits` fraction digits, half away from zero; returns the scaled integer. */
export function roundToDigits(value: bigint, decimals: number, digits: number): bigint {
  if (digits >= decimals) return value * pow10(digits - decimals);
  const div = pow10(decimals - digits);
  const neg = value < 0n;
  const abs = neg ? -value : value;
  const q = (abs + div / 2n) / div;
  return neg ? -q : q;
}

export function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `formatFixed(1_502_500_000_000n, 10, {digits: 2})` → `"150.25"`. Negative values carry a leading "-". */
export function formatFixed(value: bigint, decimals: number, { digits, trim = false, group = true }: FixedOptions): string {
  const rounded = roundToDigits(value, decimals, digits);
  const neg = rounded < 0n;
  const abs = (neg ? -rounded : rounded).toString().padStart(digits + 1, '0');
  const intRaw = abs.slice(0, abs.length - digits);
  let frac = digits > 0 ? abs.slice(abs.length - digits) : '';
  if (trim) frac = frac.replace(/0+$/, '');
  const intPart = group ? groupThousands(intRaw) : intRaw;
  return (neg ? '-' : '') + intPart + (frac ? '.' + frac : '');
}

/**
 * Fraction digits that show `sig` significant digits of a value below 1 (e.g. 0.000023456 with sig 4 → 9 digits),
 * at least `min`; values ≥ 1 get `min`.
 */
export function digitsForSignificant(value: bigint, decimals: number, { sig, min, max }: { sig: number; min: number; max: number }): number {
  const abs = value < 0n ? -value : value;
  if (abs === 0n || abs >= pow10(decimals)) return min;
  const leadingZeros = decimals - abs.toString().length;
  return Math.min(max, Math.max(min, leadingZeros + sig));
}
