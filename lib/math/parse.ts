/**
 * Strict parsing of decimal strings straight into `bigint` (STYLE.md habit 2): no floats, no exponents, no hex,
 * no signs where none belong. Returns `undefined` for anything that is not exactly a number in the expected form.
 */

const MAX_DIGITS = 78;
const UINT = /^[0-9]+$/;
const INTEGER = /^-?[0-9]+$/;
const DECIMAL = /^([0-9]+)(?:\.([0-9]+))?$/;

/** Unsigned integer: digits only, 1 to 78 of them ("007" is 7n). */
export function parseUint(text: string): bigint | undefined {
  if (!UINT.test(text) || text.length > MAX_DIGITS) return undefined;
  return BigInt(text);
}

/** Signed integer: an optional leading '-' then 1 to 78 digits. */
export function parseInteger(text: string): bigint | undefined {
  const digits = text.startsWith('-') ? text.slice(1) : text;
  if (!INTEGER.test(text) || digits.length > MAX_DIGITS) return undefined;
  return BigInt(text);
}

/**
 * A non-negative decimal with at most `decimals` fraction digits, scaled by 10^decimals:
 * parseUnits("1.5", 9) = 1_500_000_000n. Rejects "1e3", "0x10", "-1", "1.2.3", "", ".5", "1.", and any fraction
 * longer than `decimals` (never rounds silently).
 */
export function parseUnits(text: string, decimals: number): bigint | undefined {
  const match = DECIMAL.exec(text);
  if (!match || !Number.isInteger(decimals) || decimals < 0) return undefined;
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (fraction.length > decimals || whole.length + decimals > MAX_DIGITS) return undefined;
  return BigInt(whole + fraction.padEnd(decimals, '0'));
}
