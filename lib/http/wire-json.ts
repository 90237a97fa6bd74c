/**
 * Turns a result into its wire form (api.md: every amount is a decimal string): `bigint` → decimal string,
 * recursively through arrays and plain objects; `undefined` object fields are dropped (as JSON.stringify does).
 */
export type Wire<T> = T extends bigint
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

export function toWire<T>(value: T): Wire<T> {
  return convert(value) as Wire<T>;
}

function convert(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(convert);
  if (value instanceof Date) return value.getTime();
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) out[key] = convert(item);
    }
    return out;
  }
  return value;
}

/**
 * A 200 JSON response of `toWire(value)`, never cached. `compress: false` adds `no-transform`, which Next's
 * compression honours: for small bodies where gzip costs the server more than it saves (an action's result,
 * about 1 kB, answered at hundreds per second).
 */
export function wireResponse(value: unknown, status = 200, opts: { compress?: boolean } = {}): Response {
  const cacheControl = opts.compress === false ? 'no-store, no-transform' : 'no-store';
  return Response.json(convert(value), { status, headers: { 'cache-control': cacheControl } });
}
