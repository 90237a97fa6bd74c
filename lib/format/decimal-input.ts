/**
 * What a person types or pastes into an amount field, read as a plain decimal ("1000.5") for lib/math's
 * `parseUnits`. Thousands separators are ignored, never read as a decimal point: "15,000" is 15000, "1 000.5" and
 * "1,000.50" are 1000.5. Anything that cannot be read one way only is refused with a sentence, never guessed:
 * "1,5" (a decimal comma?), "1.000,5", "1e3", "-1", "1.2.3", more fraction digits than the token has.
 */

export type DecimalInputProblem = 'NOT_A_NUMBER' | 'COMMA_DECIMAL' | 'TWO_POINTS' | 'TOO_MANY_DECIMALS';

export type DecimalInput = { ok: true; text: string } | { ok: false; problem: DecimalInputProblem; message: string };

/** Spaces people and locales put between groups: space, no-break space, narrow no-break space, thin space. */
const GROUP_SPACES = /[\s\u00a0\u202f\u2009]/g;
/** "1,000" or "12,345,678": every comma followed by exactly three digits. */
const COMMA_GROUPED = /^\d{1,3}(,\d{3})+$/;

const refuse = (problem: DecimalInputProblem, message: string): DecimalInput => ({ ok: false, problem, message });

/**
 * `readDecimalInput("15,000", 6)` → `{ok: true, text: "15000"}`; `"1,000.50"` → `"1000.50"`; `".5"` → `"0.5"`;
 * `""` → `""` (empty is not an error); `"1,5"` → refused (COMMA_DECIMAL). `maxDecimals` is the token's decimals.
 */
export function readDecimalInput(raw: string, maxDecimals: number): DecimalInput {
  const s = raw.replace(GROUP_SPACES, '');
  if (s === '') return { ok: true, text: '' };
  if (!/^[\d.,]+$/.test(s)) return refuse('NOT_A_NUMBER', 'Type digits only, with a point for decimals (e.g. 1,000.5).');
  const parts = s.split('.');
  if (parts.length > 2) return refuse('TWO_POINTS', 'A number has one decimal point at most.');
  const [intRaw = '', frac = ''] = parts;
  if (frac.includes(',')) return refuse('COMMA_DECIMAL', 'Commas separate thousands only; use a point for decimals (e.g. 1,000.5).');
  let int = intRaw;
  if (int.includes(',')) {
    if (!COMMA_GROUPED.test(int)) return refuse('COMMA_DECIMAL', 'Commas separate thousands (15,000); use a point for decimals (1.5).');
    int = int.replace(/,/g, '');
  }
  if (parts.length === 1) return { ok: true, text: int };
  if (maxDecimals === 0) return refuse('TOO_MANY_DECIMALS', 'This amount takes whole numbers only.');
  if (frac.length > maxDecimals) return refuse('TOO_MANY_DECIMALS', `At most ${maxDecimals} digits after the point.`);
  return { ok: true, text: `${int || '0'}.${frac}` };
}
