/**
 * Integer primitives with explicit rounding (protocol.md §1). `bigint` division truncates toward zero; these
 * helpers floor (toward −∞) or ceil (toward +∞) correctly for negative values too. Multiply before you divide:
 * `mulDiv*` keeps the full product, so nothing is lost before the one rounding.
 */

export type Rounding = 'floor' | 'ceil';

/** ⌊a / d⌋ toward −∞, for any signs. Throws RangeError when d = 0. */
export function divFloor(a: bigint, d: bigint): bigint {
  const q = a / d;
  return a % d !== 0n && a < 0n !== d < 0n ? q - 1n : q;
}

/** ⌈a / d⌉ toward +∞, for any signs. Throws RangeError when d = 0. */
export function divCeil(a: bigint, d: bigint): bigint {
  const q = a / d;
  return a % d !== 0n && a < 0n === d < 0n ? q + 1n : q;
}

/** a / d rounded as asked. */
export function divRound(a: bigint, d: bigint, rounding: Rounding): bigint {
  return rounding === 'floor' ? divFloor(a, d) : divCeil(a, d);
}

/** ⌊a × b / d⌋ (product kept whole, then floored toward −∞). */
export function mulDivFloor(a: bigint, b: bigint, d: bigint): bigint {
  return divFloor(a * b, d);
}

/** ⌈a × b / d⌉ (product kept whole, then ceiled toward +∞). */
export function mulDivCeil(a: bigint, b: bigint, d: bigint): bigint {
  return divCeil(a * b, d);
}

/** a × b / d rounded as asked. */
export function mulDiv(a: bigint, b: bigint, d: bigint, rounding: Rounding): bigint {
  return divRound(a * b, d, rounding);
}

/** The smallest of the values (exact). */
export function bigMin(a: bigint, ...rest: bigint[]): bigint {
  return rest.reduce((m, v) => (v < m ? v : m), a);
}

/** The largest of the values (exact). */
export function bigMax(a: bigint, ...rest: bigint[]): bigint {
  return rest.reduce((m, v) => (v > m ? v : m), a);
}

/** |a| (exact). */
export function bigAbs(a: bigint): bigint {
  return a < 0n ? -a : a;
}

/** `value` limited to [low, high]. */
export function bigClamp(value: bigint, low: bigint, high: bigint): bigint {
  return value < low ? low : value > high ? high : value;
}
