import { z } from 'zod';
import { parseUint } from '@/lib/math/parse';

/**
 * Sane upper bound for any amount, price, size or id on the wire: below 2^128. Nothing in the protocol comes
 * near it (the whole genesis pool is ~2^63 in its smallest units), and it keeps products of two values far
 * below the 78 digits of the database columns.
 */
export const MAX_WIRE_UINT = 2n ** 128n - 1n;

/** The `params.code` of a custom zod issue becomes the error code of the 400 answer (see `zodErrorToHttp`). */
export const issueCode = (code: string) => ({ code });

export interface UintOptions {
  /** Smallest allowed value; default 1 (zero is meaningless for most amounts). */
  min?: bigint;
  max?: bigint;
}

/**
 * A non-negative integer written as a decimal string ("1500000"), turned into `bigint`. Refuses JSON numbers,
 * "1e3", "0x10", "-1", "1.5", "", " 1", more than 78 digits (lib/math `parseUint`), and values outside [min, max]
 * with code NUMBER_OUT_OF_RANGE.
 */
export function uintString({ min = 1n, max = MAX_WIRE_UINT }: UintOptions = {}) {
  return z
    .string({ error: 'must be a whole number written as a decimal string, e.g. "1000000"' })
    .transform((text, ctx) => {
      const value = parseUint(text);
      if (value === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be a whole number written as a decimal string of digits only, e.g. "1000000"',
          params: issueCode('INVALID_NUMBER'),
        });
        return z.NEVER;
      }
      if (value < min || value > max) {
        ctx.addIssue({
          code: 'custom',
          message: max === MAX_WIRE_UINT ? `must be at least ${min} and below 2^128` : `must be between ${min} and ${max}`,
          params: issueCode('NUMBER_OUT_OF_RANGE'),
        });
        return z.NEVER;
      }
      return value;
    });
}

/** A database id (positions, orders): a decimal string of 1 to 2^63 − 1, passed on as its canonical text. */
export const idString = uintString({ min: 1n, max: 2n ** 63n - 1n }).transform((id) => id.toString());
