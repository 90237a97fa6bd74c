/** Medians, percentiles and the result rows every benchmark section returns. */

export interface BenchRow {
  section: string;
  /** What was measured, with its unit. */
  name: string;
  value: number;
  unit: string;
  /** Human target, e.g. "< 50 ms"; empty when the figure is informative only. */
  target: string;
  /** undefined: no target. */
  pass?: boolean;
  note?: string;
  /** Extra lines for results.json (e.g. the largest scripts). */
  details?: string[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function nowMs(): number {
  return performance.now();
}

/** Runs `fn` `runs` times (after `warmup` unmeasured runs) and returns each run's duration in ms. */
export async function timeRuns(runs: number, fn: () => Promise<void> | void, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = nowMs();
    await fn();
    out.push(nowMs() - t0);
  }
  return out;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function row(r: BenchRow): BenchRow {
  return { ...r, value: round(r.value, r.value >= 100 ? 0 : 3) };
}

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
