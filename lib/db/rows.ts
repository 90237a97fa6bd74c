/**
 * Row decoding: integers are numeric(78,0) in SQL and cross the driver as strings (or numbers for small ints);
 * they become `bigint` here and nowhere else.
 */
export function big(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError(`Not an integer: ${value}`);
    return BigInt(value);
  }
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  throw new TypeError(`Not an integer column value: ${String(value)}`);
}

export function bigOrNull(value: unknown): bigint | null {
  return value === null || value === undefined ? null : big(value);
}

export function num(value: unknown): number {
  return Number(big(value));
}

/** Bigints go to the driver as decimal strings (both drivers accept them for numeric parameters). */
export function dec(value: bigint): string {
  return value.toString();
}

export function decOrNull(value: bigint | null | undefined): string | null {
  return value === null || value === undefined ? null : value.toString();
}
