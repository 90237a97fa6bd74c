/** `events.details` values: bigints as decimal strings (as lib/engine/store/events.ts writes them), no undefined. */
export type DetailValue = string | number | bigint | null | undefined;

export function details(fields: Record<string, DetailValue>): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    out[key] = typeof value === 'bigint' ? value.toString() : value;
  }
  return out;
}
