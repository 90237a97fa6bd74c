/**
 * `npm run bench [-- --only=math,keeper,aum,api,trade] [--positions=100000] [--lighthouse-runs=3] [--rebuild]`:
 * issue 8's figures, each a median of several runs, printed as one table beside its target and written to
 * bench/results.json. See bench/README.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchMath } from './math';
import { benchKeeper } from './keeper';
import { measureAum, type AumFigures } from './aum';
import { benchApiPglite, benchApiPostgres } from './api';
import { benchEngineDirect } from './engine-direct';
import { benchTrade } from './trade';
import { ensureBuild } from './server';
import { createSeededWorld, type SeededWorld } from './seed';
import { log, row, type BenchRow } from './stats';

const SECTIONS = ['math', 'keeper', 'aum', 'api', 'trade'] as const;
type Section = (typeof SECTIONS)[number];

function parseArgs(argv: readonly string[]) {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const only = get('only');
  const sections = only ? only.split(',').map((s) => s.trim()) : [...SECTIONS];
  for (const s of sections) if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`unknown section "${s}" (use ${SECTIONS.join(',')})`);
  return {
    sections: new Set(sections as Section[]),
    positions: Number(get('positions') ?? 100_000),
    lighthouseRuns: Number(get('lighthouse-runs') ?? 3),
    rebuild: argv.includes('--rebuild'),
  };
}

function aumRows(label: string, f: AumFigures): BenchRow[] {
  return [
    row({ section: 'aum', name: `AUM, ${label} (${f.positions} open): aggregates SELECT + math`, value: f.fullMs, unit: 'ms', target: '< 1 ms', pass: f.fullMs < 1 }),
    row({ section: 'aum', name: `AUM, ${label} (${f.positions} open): math only`, value: f.computeMs, unit: 'ms', target: '< 1 ms', pass: f.computeMs < 1 }),
  ];
}

async function engineSections(opts: ReturnType<typeof parseArgs>): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  let s: SeededWorld | undefined;
  try {
    s = await createSeededWorld();
    let before: AumFigures | undefined;
    if (opts.sections.has('aum')) before = await measureAum(s);
    if (opts.sections.has('keeper')) out.push(...(await benchKeeper(s, opts.positions)));
    if (opts.sections.has('aum')) {
      if (!opts.sections.has('keeper')) {
        const { seedCopies } = await import('./seed');
        await seedCopies(s, s.calm, 'calm-', Math.max(0, opts.positions - 2));
      }
      if (before) out.push(...aumRows('few positions', before));
      out.push(...aumRows('at scale', await measureAum(s)));
    }
  } finally {
    await s?.world.close();
  }
  return out;
}

function printTable(rows: readonly BenchRow[]): void {
  const fmt = (r: BenchRow) => (Number.isNaN(r.value) ? '—' : `${r.value.toLocaleString('en-US')} ${r.unit}`.trim());
  const mark = (r: BenchRow) => (r.pass === undefined ? ' ' : r.pass ? '✓' : '✗');
  const w1 = Math.max(...rows.map((r) => r.name.length), 10);
  const w2 = Math.max(...rows.map((r) => fmt(r).length), 6);
  const w3 = Math.max(...rows.map((r) => r.target.length), 6);
  const lines = [`${'figure'.padEnd(w1)}  ${'median'.padStart(w2)}  ${'target'.padEnd(w3)}    note`];
  let section = '';
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      lines.push(`— ${section}`);
    }
    lines.push(`${r.name.padEnd(w1)}  ${fmt(r).padStart(w2)}  ${r.target.padEnd(w3)} ${mark(r)}  ${r.note ?? ''}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  log(`sections: ${[...opts.sections].join(', ')}; ${os.cpus().length} CPUs, load ${load}`);
  const rows: BenchRow[] = [];
  const guard = async (name: string, fn: () => Promise<BenchRow[]> | BenchRow[]) => {
    log(`${name}…`);
    try {
      rows.push(...(await fn()));
    } catch (e) {
      rows.push(row({ section: name, name: `${name}: failed`, value: Number.NaN, unit: '', target: '', pass: false, note: e instanceof Error ? e.message.slice(0, 300) : String(e) }));
    }
  };
  if (opts.sections.has('math')) await guard('math', () => benchMath());
  if (opts.sections.has('keeper') || opts.sections.has('aum')) await guard('engine', () => engineSections(opts));
  if (opts.sections.has('api') || opts.sections.has('trade')) ensureBuild(opts.rebuild);
  if (opts.sections.has('api')) {
    await guard('api', benchApiPglite);
    await guard('api', benchApiPostgres);
    await guard('api', benchEngineDirect);
  }
  if (opts.sections.has('trade')) await guard('trade', () => benchTrade({ lighthouseRuns: opts.lighthouseRuns }));
  printTable(rows);
  // A subset run replaces only its own sections' rows in results.json; each row keeps when it was measured.
  const file = path.join(process.cwd(), 'bench/results.json');
  const at = new Date().toISOString();
  const ran = new Set(rows.map((r) => r.section));
  const previous = existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as { rows?: (BenchRow & { at?: string })[] }).rows ?? []) : [];
  const order = (r: BenchRow) => SECTIONS.indexOf(r.section as Section);
  const merged = [...previous.filter((r) => !ran.has(r.section)), ...rows.map((r) => ({ ...r, at }))].sort((a, b) => order(a) - order(b));
  const results = {
    at,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '', memGb: Math.round(os.totalmem() / 1e9), loadAtStart: load, node: process.version },
    durationS: Math.round((Date.now() - started) / 1000),
    sections: [...opts.sections],
    rows: merged,
  };
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`done in ${results.durationS} s; wrote bench/results.json`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
