/**
 * The params of `POST /api/transactions/{action}` (api.md § Acting) before they cross JSON: bigints become decimal
 * strings, `null` stays `null` (e.g. "remove TP"), `undefined` entries are left out.
 */
export type ActionParamValue = bigint | string | number | boolean | null;
export type ActionParams = Record<string, ActionParamValue | undefined>;

/** Params as they cross JSON: bigint → decimal string; `undefined` entries are left out. */
export function serializeParams(params: ActionParams): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    out[key] = typeof value === 'bigint' ? value.toString() : value;
  }
  return out;
}
