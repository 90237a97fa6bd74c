/**
 * Compute units per instruction (issue 16 item 1): lib/chain/testing/cu-cases.ts in the fixed-key world, each
 * beside its target (user ≤ 50,000, liquidate ≤ 30,000; moonshot half), with what the transaction's logs tell
 * about where they went: the canonical-bump search (1,500 CU per bump tried), the CPIs (count, and what the called
 * programs consumed), and the event bytes (`sol_log_data`: 100 + 100 per field + 1 per byte). `--write-baseline`
 * writes bench/cu-baseline.json (what program/tests/cu-regression.test.ts holds the program to).
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CU_WORLD_SEED, cuTarget, measureCuCases, type CuCase } from '@/lib/chain/testing/cu-cases';
import { programBytes } from '@/lib/chain/testing/program-bytes';
import { row, type BenchRow } from './stats';

/** `create_program_address_units`: charged per bump `sol_try_find_program_address` tries. */
export const PDA_TRY_CU = 1_500;
const SYSCALL_BASE_CU = 100;

export interface LogBreakdown {
  bumpTries: number;
  bumpCu: number;
  cpis: number;
  /** What the called programs themselves consumed (the System Program, a builtin, logs none: 150 each). */
  cpiInnerCu: number;
  eventBytes: number;
  eventCu: number;
}

/** What the logs and the bumps of one case say (per instruction for a batch). */
export function logBreakdown(c: CuCase): LogBreakdown {
  let depth = 0;
  let cpis = 0;
  let cpiInnerCu = 0;
  let eventBytes = 0;
  let eventCu = 0;
  for (const line of c.logs) {
    const invoke = /^Program (\w+) invoke \[(\d+)\]$/.exec(line);
    if (invoke) {
      depth = Number(invoke[2]);
      if (depth === 2) {
        cpis += 1;
        if (invoke[1] === '11111111111111111111111111111111') cpiInnerCu += 150;
      }
      continue;
    }
    const consumed = /^Program \w+ consumed (\d+) of \d+ compute units$/.exec(line);
    if (consumed && depth === 2) cpiInnerCu += Number(consumed[1]);
    if (/^Program \w+ (success|failed)/.test(line)) depth -= 1;
    if (line.startsWith('Program data: ')) {
      const parts = line.slice('Program data: '.length).split(' ');
      const bytes = parts.reduce((a, p) => a + Buffer.from(p, 'base64').length, 0);
      eventBytes += bytes;
      eventCu += SYSCALL_BASE_CU * (1 + parts.length) + bytes;
    }
  }
  const n = c.instructions;
  const bumpTries = c.bumpsSearched.reduce((a, b) => a + (256 - b), 0);
  return { bumpTries, bumpCu: bumpTries * PDA_TRY_CU, cpis: cpis / n, cpiInnerCu: cpiInnerCu / n, eventBytes: eventBytes / n, eventCu: eventCu / n };
}

export const BASELINE_FILE = path.join(process.cwd(), 'bench/cu-baseline.json');

export function writeBaseline(cases: readonly CuCase[]): void {
  const baseline = {
    about: 'Compute units per instruction in lib/chain/testing/cu-cases.ts (fixed keys). program/tests/cu-regression.test.ts fails when one grows by more than `tolerance`. Re-measure: npm run bench -- --only=cu --write-baseline',
    seed: CU_WORLD_SEED,
    programSha256: createHash('sha256').update(programBytes()).digest('hex'),
    tolerance: 0.1,
    cases: Object.fromEntries(cases.map((c) => [c.name, c.computeUnits])),
  };
  writeFileSync(BASELINE_FILE, `${JSON.stringify(baseline, null, 2)}\n`);
}

export async function benchCu(opts: { writeBaseline: boolean }): Promise<BenchRow[]> {
  const { cases } = await measureCuCases();
  if (opts.writeBaseline) writeBaseline(cases);
  return cases.map((c) => {
    const b = logBreakdown(c);
    const { target, moonshot } = cuTarget(c);
    const parts = [
      c.computeUnits <= moonshot ? `moonshot ≤ ${moonshot.toLocaleString('en-US')} ✓` : `moonshot ≤ ${moonshot.toLocaleString('en-US')} ✗`,
      b.bumpTries > 0 ? `bump search ${b.bumpTries} × 1,500 = ${b.bumpCu.toLocaleString('en-US')}` : '',
      b.cpis > 0 ? `${b.cpis} CPI (callee ${Math.round(b.cpiInnerCu)})` : '',
      b.eventBytes > 0 ? `event ${b.eventBytes} B ≈ ${b.eventCu}` : '',
    ].filter(Boolean);
    return row({
      section: 'cu',
      name: c.name,
      value: c.computeUnits,
      unit: 'CU',
      target: c.group === 'read' ? '(read-only)' : `≤ ${target.toLocaleString('en-US')}`,
      pass: c.group === 'read' ? undefined : c.computeUnits <= target,
      note: parts.join('; '),
    });
  });
}
