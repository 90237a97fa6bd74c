/**
 * JSON with exact u64s. Solana's RPC writes u64 values as JSON numbers, which may exceed 2^53 (an account's
 * `rentEpoch` is u64::MAX = 18446744073709551615): answers carry bigints and are written as raw digits, requests
 * keep integers beyond the safe range as bigints.
 */

const WRAPPED = /\{"\$n":"(-?\d+)"\}/g;

/** `JSON.stringify` that writes bigints as plain JSON numbers (undefined members are left out). */
export function stringifyJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? { $n: v.toString() } : v));
  // Inside a JSON string every quote is escaped, so the pattern only matches the wrappers written above.
  return text.includes('{"$n":"') ? text.replace(WRAPPED, '$1') : text;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** End (exclusive) of the number token starting at `i`, and whether it is an integer. */
function scanNumber(text: string, i: number): { end: number; integer: boolean } {
  let j = i;
  let integer = true;
  if (text[j] === '-') j++;
  while (isDigit(text[j])) j++;
  if (text[j] === '.') {
    integer = false;
    j++;
    while (isDigit(text[j])) j++;
  }
  if (text[j] === 'e' || text[j] === 'E') {
    integer = false;
    j++;
    if (text[j] === '+' || text[j] === '-') j++;
    while (isDigit(text[j])) j++;
  }
  return { end: j, integer };
}

/** `JSON.parse` that keeps integers beyond ±(2^53 - 1) exact, as bigints. Throws SyntaxError like JSON.parse. */
export function parseJson(text: string): unknown {
  const chunks: string[] = [];
  let copied = 0;
  let inString = false;
  let wrapped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      continue;
    }
    if (c !== '-' && !isDigit(c)) continue;
    const { end, integer } = scanNumber(text, i);
    const token = text.slice(i, end);
    if (integer && token.length >= 16 && /^-?\d+$/.test(token)) {
      const value = BigInt(token);
      if (value > MAX_SAFE || value < -MAX_SAFE) {
        chunks.push(text.slice(copied, i), `{"$n":"${token}"}`);
        copied = end;
        wrapped = true;
      }
    }
    i = end - 1;
  }
  if (!wrapped) return JSON.parse(text);
  chunks.push(text.slice(copied));
  return JSON.parse(chunks.join(''), (_key, v: unknown) => {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const n = (v as { $n?: unknown }).$n;
      if (typeof n === 'string' && Object.keys(v).length === 1) return BigInt(n);
    }
    return v;
  });
}
