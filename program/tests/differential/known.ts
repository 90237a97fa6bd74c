/**
 * Known differences between the program and the engine (the model), none today. A new one gets its predicate here
 * and its smallest case as an `it.fails` in discrepancies.test.ts; the random sequences skip exactly these cases
 * (counted in the tally as `skipped:<name>`), so the property keeps checking everything else; when the program is
 * fixed, its test starts passing (vitest then reports the `it.fails` as failed) and the predicate is deleted.
 */
import type { Action } from './model';
import type { ModelState } from './model-state';

/**
 * `engine`: the model's outcome of the action (its refusal code, or 'ok'). Empty: the four order-of-refusal cases
 * once here (a close's fraction, an ALP long's third token, a swap's prices, a keeper TP/SL's market hours) are fixed
 * in the program and pinned in discrepancies.test.ts.
 */
export const KNOWN: readonly { name: string; matches: (s: ModelState, a: Action, engine: string) => boolean }[] = [];

export function knownDiscrepancy(s: ModelState, a: Action, engine: string): string | undefined {
  return KNOWN.find((k) => k.matches(s, a, engine))?.name;
}
