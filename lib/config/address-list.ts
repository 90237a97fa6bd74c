/**
 * `NAME=address` lists of configuration and of `npm run deploy:program`: `ORACLE_ACCOUNTS` (feed → price account)
 * and `--mints` / `--oracles`. Written either as JSON (`{"SOL": "…", …}`) or as `SOL=…,BTC=…` (spaces allowed).
 * Every problem is one sentence; the caller prefixes the variable or flag it came from.
 */
import { isAddress, type Address } from '@solana/kit';

export type AddressListResult<K extends string> = { ok: true; value: Partial<Record<K, Address>> } | { ok: false; problems: string[] };

function entries(text: string): { pairs: [string, unknown][]; problems: string[] } {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return { pairs: [], problems: ['is not valid JSON (write {"SOL":"<address>",…} or SOL=<address>,…)'] };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { pairs: [], problems: ['must be a JSON object of name to address'] };
    return { pairs: Object.entries(parsed), problems: [] };
  }
  const pairs: [string, unknown][] = [];
  const problems: string[] = [];
  for (const item of trimmed.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const eq = item.indexOf('=');
    if (eq <= 0) problems.push(`"${item}" is not NAME=address`);
    else pairs.push([item.slice(0, eq).trim(), item.slice(eq + 1).trim()]);
  }
  return { pairs, problems };
}

/** Parses a list whose names are `names`; `required` names must all be present. */
export function parseAddressList<K extends string>(text: string, names: readonly K[], required: readonly K[] = []): AddressListResult<K> {
  const { pairs, problems } = entries(text);
  const value: Partial<Record<K, Address>> = {};
  for (const [rawName, raw] of pairs) {
    const name = rawName.toUpperCase();
    if (!(names as readonly string[]).includes(name)) {
      problems.push(`names ${rawName}, which is none of ${names.join(', ')}`);
      continue;
    }
    if (typeof raw !== 'string' || !isAddress(raw)) {
      problems.push(`gives ${name} "${String(raw)}", which is not a base58 address`);
      continue;
    }
    if (value[name as K] !== undefined) {
      problems.push(`gives ${name} twice`);
      continue;
    }
    value[name as K] = raw;
  }
  const missing = required.filter((k) => value[k] === undefined);
  if (missing.length > 0) problems.push(`must name every one of ${required.join(', ')} (missing ${missing.join(', ')})`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

/** `NAME=address,…` in a stable order (what the deploy prints for ORACLE_ACCOUNTS). */
export function formatAddressList<K extends string>(names: readonly K[], value: Readonly<Partial<Record<K, Address>>>): string {
  return names.flatMap((k) => (value[k] ? [`${k}=${value[k]}`] : [])).join(',');
}
