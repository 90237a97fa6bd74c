/**
 * Leverage choices of the ticket (Adrena: slider 1.1x to the market's maximum, step 0.1x, with marks). Leverage is
 * in basis points (protocol.md §1: 10_000n = 1x).
 */
import { readDecimalInput } from '@/lib/format/decimal-input';
import { parseUnits } from '@/lib/math/parse';
import { PROTOCOL } from '@/lib/math/params';
import { amountToInputText } from './amount-fraction';

/** Marks shown under the slider when they fit below the market's maximum. */
export const LEVERAGE_MARKS_BPS: readonly bigint[] = [11_000n, 20_000n, 50_000n, 100_000n, 250_000n, 500_000n, 1_000_000n];

/** One slider step: 0.1x. */
export const LEVERAGE_STEP_BPS = 1_000n;

/** Default leverage of a fresh ticket (Adrena: 10x), limited to the market's maximum. */
export function defaultLeverageBps(maxLeverageBps: bigint): bigint {
  return maxLeverageBps < 100_000n ? maxLeverageBps : 100_000n;
}

/** The marks within [1.1x, max], always ending with the maximum itself. */
export function leverageMarksBps(maxLeverageBps: bigint): bigint[] {
  const marks = LEVERAGE_MARKS_BPS.filter((m) => m >= PROTOCOL.minLeverageBps && m <= maxLeverageBps);
  if (marks[marks.length - 1] !== maxLeverageBps && maxLeverageBps >= PROTOCOL.minLeverageBps) marks.push(maxLeverageBps);
  return marks;
}

/** "10" → 100_000n, "1.5" → 15_000n, "2.25" → 22_500n; at most 4 fraction digits; undefined when not a number. */
export function parseLeverageBps(text: string): bigint | undefined {
  return parseUnits(text.trim().replace(/x$/i, ''), 4);
}

/** Leverage limited to [1.1x, max]. */
export function clampLeverageBps({ leverageBps, maxLeverageBps }: { leverageBps: bigint; maxLeverageBps: bigint }): bigint {
  if (leverageBps < PROTOCOL.minLeverageBps) return PROTOCOL.minLeverageBps;
  return leverageBps > maxLeverageBps ? maxLeverageBps : leverageBps;
}

/** The leverage as slider steps of 0.1x (a plain integer for `<input type="range">`), rounded down. */
export function leverageToSteps(leverageBps: bigint): number {
  return Number(leverageBps / LEVERAGE_STEP_BPS);
}

/** Slider steps of 0.1x back to basis points. */
export function stepsToLeverageBps(steps: number): bigint {
  return BigInt(Math.round(steps)) * LEVERAGE_STEP_BPS;
}

export interface LeverageInput {
  /** What the store takes: the typed leverage, the maximum when more was typed, nothing while unreadable or below 1.1x. */
  commitBps: bigint | undefined;
  /** Replaces the field's text (the maximum, when more was typed), so the field, slider and marks agree. */
  text: string | undefined;
  /** Says why the field changed or is not taken. */
  note: string | undefined;
}

const leverageText = (bps: bigint): string => amountToInputText({ amount: bps, decimals: 4 });

/**
 * The leverage field as typed ("150", "2.5x", "1,5"): above the market's maximum it becomes the maximum (and says
 * so), below 1.1x or unreadable it is not taken yet (typing "10" passes through "1").
 */
export function readLeverageInput({ text, maxLeverageBps }: { text: string; maxLeverageBps: bigint }): LeverageInput {
  const read = readDecimalInput(text.trim().replace(/x$/i, ''), 4);
  if (!read.ok) return { commitBps: undefined, text: undefined, note: read.message };
  const bps = parseUnits(read.text, 4);
  if (bps === undefined) return { commitBps: undefined, text: undefined, note: undefined };
  if (bps > maxLeverageBps) return { commitBps: maxLeverageBps, text: leverageText(maxLeverageBps), note: `${leverageText(maxLeverageBps)}x is this market's maximum.` };
  if (bps < PROTOCOL.minLeverageBps) return { commitBps: undefined, text: undefined, note: `The least is ${leverageText(PROTOCOL.minLeverageBps)}x.` };
  return { commitBps: bps, text: undefined, note: undefined };
}
