/**
 * Compute-unit regression (issue 16): every instruction of lib/chain/testing/cu-cases.ts, measured in the world of
 * fixed keys (the same figures on every run), may grow by at most 10% over bench/cu-baseline.json. After a change
 * that moves them on purpose, re-measure and commit the baseline: `npm run bench -- --only=cu --write-baseline`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureCuCases, type CuCase } from '@/lib/chain/testing/cu-cases';

interface Baseline {
  seed: string;
  tolerance: number;
  cases: Record<string, number>;
}

const baseline = JSON.parse(readFileSync(path.join(process.cwd(), 'bench/cu-baseline.json'), 'utf8')) as Baseline;

describe('compute units against bench/cu-baseline.json', () => {
  let measured: CuCase[] = [];
  beforeAll(async () => {
    measured = (await measureCuCases()).cases;
  });

  it('measures every case of the baseline, and only those', () => {
    expect(measured.map((c) => c.name).sort()).toEqual(Object.keys(baseline.cases).sort());
  });

  it('no instruction grows by more than 10%', () => {
    expect(baseline.tolerance).toBe(0.1);
    const grown = measured
      .filter((c) => c.computeUnits > (baseline.cases[c.name] ?? 0) * (1 + baseline.tolerance))
      .map((c) => `${c.name}: ${c.computeUnits} CU, baseline ${baseline.cases[c.name]} (+${((c.computeUnits / (baseline.cases[c.name] ?? 1) - 1) * 100).toFixed(1)}%)`);
    expect(grown, 'grew more than 10% (re-baseline with `npm run bench -- --only=cu --write-baseline` if intended)').toEqual([]);
  });
});
