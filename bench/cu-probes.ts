/**
 * Where the compute units go (issue 16 item 1): a copy of program/ in a temporary directory with probes around
 * the program's shared parts (account loads and writes, price reads, AUM, the software 128-bit multiply and
 * divide, PDA derivation, CPIs, events), built with the program's own toolchain and run through the same cases
 * (lib/chain/testing/cu-cases.ts, the build swapped in at the program id). program/src is never touched.
 *
 * A probe is `log_u64(MAGIC, id)` + `sol_log_compute_units` at a function's entry and exit (its body wrapped in a
 * closure, so every return passes the exit probe). The cost of one probe, P, is calibrated by an empty pair at
 * the start of `dispatch`: a region's own CU = (remaining at entry − remaining at exit) − P − 2P per probe pair
 * nested in it; exclusive CU subtracts the nested regions. "Entrypoint" is what the program spends outside
 * `dispatch` (input parsing, the return). The probed build's per-instruction total minus every probe's cost is
 * compared with the real build's CU: wrapping changes inlining a little, the difference is reported.
 *
 * The build takes ~1–2 minutes (cached by the patched sources' hash under the OS temp dir). Without the toolchain
 * (clang-22, Debian's rustc) the section is skipped with a note.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { measureCuCases, type CuCase } from '@/lib/chain/testing/cu-cases';
import { buildProgram } from '../program/toolchain/pipeline';
import { detectToolchain } from '../program/toolchain/versions';
import { log, row, type BenchRow } from './stats';

const PROGRAM_DIR = path.join(process.cwd(), 'program');
const MAGIC_BEGIN = 0xb0b0;
const MAGIC_END = 0xe0e0;
const PATCH_VERSION = 1;

/** One probed function: its file under src/, a text that starts its signature (unique in the file), its category. */
interface ProbeSpec {
  file: string;
  header: string;
  label: string;
  category: string;
}

const LOADS = 'account loads (parse + checks)';
const WRITES = 'account writes';
const PRICES = 'price reads (oracle accounts, staleness)';
const WIDE = 'software 128-bit mul/div (wide.rs)';

export const PROBES: readonly ProbeSpec[] = [
  { file: 'instructions/mod.rs', header: 'fn dispatch(input: &Input) -> Result<()>', label: 'dispatch', category: 'instruction logic (checks, 64-bit math, control)' },
  ...(['config', 'pool', 'custody', 'market', 'position', 'order'] as const).map((s) => ({ file: `state/${s}.rs`, header: 'pub fn load(', label: `${s}::load`, category: LOADS })),
  { file: 'state/price.rs', header: 'pub fn load(', label: 'price::load', category: PRICES },
  { file: 'oracle/mod.rs', header: 'pub fn mid(', label: 'Oracles::mid', category: PRICES },
  ...(['pool', 'custody', 'market', 'position', 'order', 'price'] as const).map((s) => ({ file: `state/${s}.rs`, header: 'pub fn write(', label: `${s}::write`, category: WRITES })),
  { file: 'state/custody.rs', header: 'pub fn write_state(', label: 'custody::write_state', category: WRITES },
  { file: 'state/market.rs', header: 'pub fn write_aggregates(', label: 'market::write_aggregates', category: WRITES },
  { file: 'math/aum.rs', header: 'pub fn aum_usd(', label: 'aum_usd', category: 'AUM summation (besides its 128-bit math)' },
  { file: 'math/wide.rs', header: 'pub fn mul_128_limbs(', label: 'mul_128_limbs', category: WIDE },
  { file: 'math/wide.rs', header: 'fn div_limbs_rounded(', label: 'div_limbs_rounded', category: WIDE },
  { file: 'sdk/pda.rs', header: 'pub fn find_program_address(', label: 'find_program_address', category: 'PDA: canonical bump search' },
  { file: 'sdk/pda.rs', header: 'pub fn create_program_address(', label: 'create_program_address', category: 'PDA: one derivation' },
  { file: 'sdk/cpi.rs', header: 'pub fn invoke_signed(', label: 'invoke_signed', category: 'CPI (invoke cost + the called program)' },
  { file: 'events.rs', header: 'pub fn emit(&self)', label: 'Event::emit', category: 'events (sol_log_data)' },
];

const PROBE_MODULE = `//! Compute-unit probes (bench/cu-probes.ts, a temporary copy of the program only).
#[inline(never)]
pub fn begin(id: u64) {
    super::log::log_u64(${MAGIC_BEGIN}, id, 0, 0, 0);
    super::log::log_compute_units();
}
#[inline(never)]
pub fn end(id: u64) {
    super::log::log_u64(${MAGIC_END}, id, 0, 0, 0);
    super::log::log_compute_units();
}
`;

/** Index just past the matching close of the bracket at `open` (skips strings, chars, comments). */
function matchBrace(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '/') {
      i = src.indexOf('\n', i);
      if (i < 0) break;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      i = src.indexOf('*/', i) + 1;
      continue;
    }
    if (c === '"') {
      for (i++; i < src.length && src[i] !== '"'; i++) if (src[i] === '\\') i++;
      continue;
    }
    if (c === "'") {
      // A char literal ('x', '\n', '{'), or a lifetime ('a) which has no closing quote right after.
      if (src[i + 1] === '\\') i = src.indexOf("'", i + 2);
      else if (src[i + 2] === "'") i += 2;
      continue;
    }
    if (c === '{') depth++;
    if (c === '}' && --depth === 0) return i + 1;
  }
  throw new Error('unbalanced braces');
}

/** Wraps the body of the function starting at `header` in `src` with probe `id`. */
export function wrapFunction(src: string, header: string, id: number, prologue = ''): string {
  const at = src.indexOf(header);
  if (at < 0 || src.indexOf(header, at + 1) >= 0) throw new Error(`"${header}" found ${at < 0 ? 'nowhere' : 'twice'}`);
  // The parameter list's close, then the return type up to the body's brace.
  let i = src.indexOf('(', at);
  let depth = 0;
  for (; i < src.length; i++) {
    if (src[i] === '(') depth++;
    if (src[i] === ')' && --depth === 0) break;
  }
  const open = src.indexOf('{', i);
  const signatureTail = src.slice(i + 1, open).trim();
  if (/\bwhere\b/.test(signatureTail)) throw new Error(`"${header}": unexpected signature "${signatureTail}"`);
  const ret = signatureTail.startsWith('->') ? signatureTail.slice(2).trim() : '()';
  const close = matchBrace(src, open);
  const body = src.slice(open, close);
  const wrapped = `{ ${prologue}crate::sdk::probe::begin(${id}); let probe_result = (|| -> ${ret} ${body})(); crate::sdk::probe::end(${id}); probe_result }`;
  return src.slice(0, open) + wrapped + src.slice(close);
}

function copyCrate(to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of ['src', 'Cargo.toml', 'Cargo.lock', '.cargo']) {
    const from = path.join(PROGRAM_DIR, entry);
    if (existsSync(from)) cpSync(from, path.join(to, entry), { recursive: true });
  }
}

/** Applies every probe to the crate copy at `dir` (ids: 0 the calibration pair, 1… the PROBES in order). */
function patchCrate(dir: string): void {
  const src = path.join(dir, 'src');
  writeFileSync(path.join(src, 'sdk/probe.rs'), PROBE_MODULE);
  const sdkMod = path.join(src, 'sdk/mod.rs');
  writeFileSync(sdkMod, readFileSync(sdkMod, 'utf8').replace('pub mod pda;', 'pub mod pda;\npub mod probe;'));
  const byFile = new Map<string, string>();
  PROBES.forEach((p, k) => {
    const file = path.join(src, p.file);
    const text = byFile.get(file) ?? readFileSync(file, 'utf8');
    const calibrate = p.label === 'dispatch' ? 'crate::sdk::probe::begin(0); crate::sdk::probe::end(0); ' : '';
    byFile.set(file, wrapFunction(text, p.header, k + 1, calibrate));
  });
  for (const [file, text] of byFile) writeFileSync(file, text);
}

function hashTree(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(path.relative(dir, p)).update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex').slice(0, 16);
}

/** The probed build (cached by source hash); undefined with the reason when it cannot be built here. */
export function probedProgram(): { bytes: Uint8Array; dir: string } | { skipped: string } {
  const toolchain = detectToolchain();
  if ('missing' in toolchain) return { skipped: `program toolchain missing: ${toolchain.missing.join('; ')}` };
  const root = path.join(tmpdir(), 'poolperps-cu-probes');
  const crate = path.join(root, 'crate');
  rmSync(path.join(crate, 'src'), { recursive: true, force: true });
  copyCrate(crate);
  patchCrate(crate);
  const key = `${hashTree(path.join(crate, 'src'))}-v${PATCH_VERSION}`;
  const cached = path.join(root, `poolperps-probed-${key}.so`);
  if (!existsSync(cached)) {
    log(`cu probes: building the probed program (${crate}), a minute or two…`);
    const { program } = buildProgram({ crateDir: crate, targetDir: path.join(root, 'target'), toolchain });
    writeFileSync(cached, program);
  }
  return { bytes: new Uint8Array(readFileSync(cached)), dir: crate };
}

interface Region {
  id: number;
  begin: number;
  end: number;
  nestedPairs: number;
  children: Region[];
}

export interface CaseBreakdown {
  name: string;
  realCu: number;
  probedCu: number;
  /** probedCu minus every probe's cost: what the probed build would cost without probes. */
  adjustedCu: number;
  probeCost: number;
  byCategory: Record<string, number>;
  calls: Record<string, number>;
  /** Exclusive CU per probed function (summed over its calls). */
  byLabel: Record<string, number>;
}

/** Parses one instruction's probe lines (logs of a one-instruction transaction). */
export function breakdown(c: CuCase, probedLogs: string[], realCu: number): CaseBreakdown {
  const readings: { magic: number; id: number; remaining: number }[] = [];
  let total = 0;
  let pending: { magic: number; id: number } | undefined;
  let depth = 0;
  for (const line of probedLogs) {
    if (line === 'Log truncated') throw new Error(`${c.name}: the probed logs were truncated`);
    const inv = /^Program \w+ invoke \[(\d+)\]$/.exec(line);
    if (inv) depth = Number(inv[1]);
    if (/^Program \w+ (success|failed)/.test(line)) depth -= 1;
    const probe = /^Program log: 0x([0-9a-f]+), 0x([0-9a-f]+), 0x0, 0x0, 0x0$/.exec(line);
    if (probe && depth === 1) {
      const magic = parseInt(probe[1]!, 16);
      if (magic === MAGIC_BEGIN || magic === MAGIC_END) pending = { magic, id: parseInt(probe[2]!, 16) };
      continue;
    }
    const cu = /^Program consumption: (\d+) units remaining$/.exec(line);
    if (cu && pending) {
      readings.push({ ...pending, remaining: Number(cu[1]) });
      pending = undefined;
    }
    const consumed = /^Program \w+ consumed (\d+) of \d+ compute units$/.exec(line);
    if (consumed && depth === 1) total = Number(consumed[1]);
  }
  // Pair the readings into a tree.
  const roots: Region[] = [];
  const stack: Region[] = [];
  for (const r of readings) {
    if (r.magic === MAGIC_BEGIN) {
      const region: Region = { id: r.id, begin: r.remaining, end: r.remaining, nestedPairs: 0, children: [] };
      (stack.at(-1)?.children ?? roots).push(region);
      stack.push(region);
    } else {
      const region = stack.pop();
      if (!region || region.id !== r.id) throw new Error(`${c.name}: probe ${r.id} closes ${region?.id}`);
      region.end = r.remaining;
      for (const s of stack) s.nestedPairs += 1;
    }
  }
  const calibration = roots.find((r) => r.id === 0);
  if (!calibration) throw new Error(`${c.name}: no calibration probe in the logs`);
  const P = calibration.begin - calibration.end;
  const pairs = readings.length / 2;
  const inclusive = (r: Region) => r.begin - r.end - P - 2 * P * r.nestedPairs;
  const byCategory: Record<string, number> = {};
  const calls: Record<string, number> = {};
  const byLabel: Record<string, number> = {};
  const visit = (r: Region) => {
    const spec = PROBES[r.id - 1];
    if (!spec) return;
    const own = inclusive(r) - r.children.reduce((a, ch) => a + inclusive(ch), 0);
    byCategory[spec.category] = (byCategory[spec.category] ?? 0) + own;
    calls[spec.label] = (calls[spec.label] ?? 0) + 1;
    byLabel[spec.label] = (byLabel[spec.label] ?? 0) + own;
    r.children.forEach(visit);
  };
  roots.forEach(visit);
  const adjusted = total - 2 * P * pairs;
  const dispatch = roots.find((r) => PROBES[r.id - 1]?.label === 'dispatch');
  byCategory['entrypoint (input parsing, return)'] = adjusted - (dispatch ? inclusive(dispatch) : 0);
  return { name: c.name, realCu: realCu, probedCu: total, adjustedCu: adjusted, probeCost: P, byCategory, calls, byLabel };
}

export interface ProbeReport {
  cases: CaseBreakdown[];
  categories: string[];
}

export async function measureProbes(bytes: Uint8Array): Promise<ProbeReport> {
  const real = await measureCuCases();
  const probed = await measureCuCases({ programBytes: bytes });
  const cases: CaseBreakdown[] = [];
  for (const [i, c] of probed.cases.entries()) {
    const r = real.cases[i];
    if (!r || r.name !== c.name) throw new Error('the probed run went another way');
    if (c.instructions !== 1 || c.logs.length === 0) continue; // batches and simulations: their single twins are there
    cases.push(breakdown(c, c.logs, r.computeUnits));
  }
  const categories = [...new Set(cases.flatMap((c) => Object.keys(c.byCategory)))];
  return { cases, categories };
}

/** Per probed function: calls over all cases, CU per call (exclusive), and the most calls in one instruction. */
export function functionMarkdown(report: ProbeReport): string {
  const labels = [...new Set(report.cases.flatMap((c) => Object.keys(c.calls)))];
  const rows = labels.map((l) => {
    const calls = report.cases.reduce((a, c) => a + (c.calls[l] ?? 0), 0);
    const cu = report.cases.reduce((a, c) => a + (c.byLabel[l] ?? 0), 0);
    const most = report.cases.reduce((best, c) => ((c.calls[l] ?? 0) > (best.calls[l] ?? 0) ? c : best));
    return { l, calls, cu, perCall: cu / calls, most: `${most.calls[l]} in ${most.name}` };
  });
  rows.sort((a, b) => b.cu - a.cu);
  return ['| function | calls (all cases) | CU per call | total CU | most calls in one instruction |', '|---|---:|---:|---:|---|', ...rows.map((r) => `| ${r.l} | ${r.calls} | ${Math.round(r.perCall).toLocaleString('en-US')} | ${Math.round(r.cu).toLocaleString('en-US')} | ${r.most} |`)].join('\n');
}

/** The breakdown as a markdown table (CU per category, the largest first). */
export function probeMarkdown(report: ProbeReport): string {
  const totals = new Map(report.categories.map((k) => [k, report.cases.reduce((a, c) => a + (c.byCategory[k] ?? 0), 0)]));
  const cats = [...report.categories].sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0));
  const short = (k: string) => k.replace(/ \(.*\)$/, '');
  const lines = [
    `| instruction | CU | ${cats.map(short).join(' | ')} | probed − real |`,
    `|---|---:|${cats.map(() => '---:').join('|')}|---:|`,
    ...report.cases.map((c) => `| ${c.name} | ${c.realCu.toLocaleString('en-US')} | ${cats.map((k) => (c.byCategory[k] ? Math.round(c.byCategory[k]).toLocaleString('en-US') : '—')).join(' | ')} | ${c.adjustedCu - c.realCu >= 0 ? '+' : ''}${c.adjustedCu - c.realCu} |`),
  ];
  const legend = cats.map((k) => `${short(k)}: ${k}`).join('; ');
  return `${lines.join('\n')}\n\nColumns: ${legend}.`;
}

export async function benchProbes(): Promise<BenchRow[]> {
  const built = probedProgram();
  if ('skipped' in built) return [row({ section: 'probes', name: 'probed build: skipped', value: Number.NaN, unit: '', target: '', note: built.skipped })];
  const report = await measureProbes(built.bytes);
  process.stdout.write(`\n${probeMarkdown(report)}\n\n${functionMarkdown(report)}\n\n`);
  const sum = (k: string) => report.cases.reduce((a, c) => a + (c.byCategory[k] ?? 0), 0);
  const all = report.cases.reduce((a, c) => a + c.adjustedCu, 0);
  return report.categories
    .map((k) => ({ k, v: sum(k) }))
    .sort((a, b) => b.v - a.v)
    .map(({ k, v }) => row({ section: 'probes', name: `share of all cases' CU: ${k}`, value: (100 * v) / all, unit: '%', target: '' }));
}
