/**
 * `npm run bench [-- SECTION…] [--only=cu,locks] [--write-baseline] [--positions=100000] [--lighthouse-runs=3]
 * [--rebuild]`: issue 16's figures of the chain path, each beside its target, printed as one table and written to
 * bench/results.json (a subset replaces only its own sections' rows). See bench/README.md.
 *
 * Sections: cu (compute units per instruction, deterministic), probes (where they go: a probed build), locks (write
 * locks per instruction; rewrites the table in bench/README.md), chain (signed transactions/s through /api/rpc of a
 * built server, PGlite and PostgreSQL), chain-inproc (the same burst in process, pieces taken away), keeper (bench/keeper-chain.ts: 100,000 positions, 100 crossed), restart (restore with
 * 100,000 positions), indexer (bench/indexer-lag.ts: the indexer's lag under load), trade (/trade's weight, LCP,
 * Lighthouse, main thread beside a light page).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchCu } from './cu';
import { benchProbes } from './cu-probes';
import { benchLocks } from './locks';
import { benchChainPglite, benchChainPostgres } from './chain-tps';
import { benchChainInproc } from './chain-inproc';
import { benchKeeperChain } from './keeper-chain';
import { benchRestart } from './restart';
import { benchTrade } from './trade';
import { ensureBuild } from './server';
import { log, row, type BenchRow } from './stats';

const SECTIONS = ['cu', 'probes', 'locks', 'chain', 'chain-inproc', 'keeper', 'restart', 'indexer', 'trade'] as const;
type Section = (typeof SECTIONS)[number];

function parseArgs(argv: readonly string[]) {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const positional = argv.filter((a) => !a.startsWith('--'));
  const only = get('only');
  const listed = [...(only ? only.split(',') : []), ...positional].map((s) => s.trim()).filter(Boolean);
  const sections = listed.length > 0 ? listed : [...SECTIONS];
  for (const s of sections) if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`unknown section "${s}" (use ${SECTIONS.join(',')})`);
  return {
    sections: new Set(sections as Section[]),
    positions: Number(get('positions') ?? 100_000),
    lighthouseRuns: Number(get('lighthouse-runs') ?? 3),
    rebuild: argv.includes('--rebuild'),
    writeBaseline: argv.includes('--write-baseline'),
  };
}

/** Runs another bench script (tsx) and returns its output; a missing script is a TODO row. */
function script(section: string, file: string, args: string[], todo: string): { rows: BenchRow[]; stdout: string } {
  if (!existsSync(path.join(process.cwd(), file))) return { rows: [row({ section, name: `${file}: not there yet`, value: Number.NaN, unit: '', target: '', note: `TODO: ${todo}` })], stdout: '' };
  log(`${section}: npx tsx ${file} ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [path.join(process.cwd(), 'node_modules/tsx/dist/cli.mjs'), file, ...args], { cwd: process.cwd(), encoding: 'utf8', timeout: 20 * 60_000, maxBuffer: 64 * 1024 * 1024 });
  const stdout = r.stdout ?? '';
  process.stdout.write(stdout);
  if (r.status !== 0) return { rows: [row({ section, name: `${file}: failed (exit ${r.status})`, value: Number.NaN, unit: '', target: '', pass: false, note: (r.stderr ?? '').slice(-300) })], stdout };
  return { rows: [], stdout };
}

/** bench/indexer-lag.ts's printed figures, as rows. */
function indexerRows(stdout: string): BenchRow[] {
  const out: BenchRow[] = [];
  const slots = /lag per batch, slots[^:]*: p50 (\d+) · p95 (\d+) · max (\d+)/.exec(stdout);
  const ms = /lag per batch, ms[^:]*: p50 ([\d.]+) · p95 ([\d.]+) · max ([\d.]+)/.exec(stdout);
  const load = /load: (\d+) program transactions confirmed \((\d+) tx\/s\)/.exec(stdout);
  if (slots) out.push(row({ section: 'indexer', name: 'indexer lag behind the chain under load, p95 (slots)', value: Number(slots[2]), unit: 'slots', target: '< 1 slot', pass: Number(slots[2]) < 1, note: `p50 ${slots[1]}, max ${slots[3]}${load ? `; load ${load[2]} tx/s (${load[1]} transactions)` : ''}` }));
  if (ms) out.push(row({ section: 'indexer', name: 'indexer lag, confirmed → rows committed, p95', value: Number(ms[2]), unit: 'ms', target: '< 400 ms (a slot)', pass: Number(ms[2]) < 400, note: `p50 ${ms[1]} ms, max ${ms[3]} ms` }));
  if (out.length === 0) out.push(row({ section: 'indexer', name: 'bench/indexer-lag.ts: no figures read', value: Number.NaN, unit: '', target: '', note: stdout.slice(-300) }));
  return out;
}

function printTable(rows: readonly BenchRow[]): void {
  const fmt = (r: BenchRow) => (Number.isNaN(r.value) ? '—' : `${r.value.toLocaleString('en-US')} ${r.unit}`.trim());
  const mark = (r: BenchRow) => (r.pass === undefined ? ' ' : r.pass ? '✓' : '✗');
  const w1 = Math.max(...rows.map((r) => r.name.length), 10);
  const w2 = Math.max(...rows.map((r) => fmt(r).length), 6);
  const w3 = Math.max(...rows.map((r) => r.target.length), 6);
  const lines = [`${'figure'.padEnd(w1)}  ${'value'.padStart(w2)}  ${'target'.padEnd(w3)}    note`];
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
  const guard = async (name: Section, fn: () => Promise<BenchRow[]> | BenchRow[]) => {
    if (!opts.sections.has(name)) return;
    log(`${name}…`);
    try {
      rows.push(...(await fn()));
    } catch (e) {
      rows.push(row({ section: name, name: `${name}: failed`, value: Number.NaN, unit: '', target: '', pass: false, note: e instanceof Error ? e.message.slice(0, 300) : String(e) }));
    }
  };
  await guard('cu', () => benchCu({ writeBaseline: opts.writeBaseline }));
  await guard('probes', benchProbes);
  await guard('locks', () => benchLocks({ write: true }));
  if (opts.sections.has('chain') || opts.sections.has('trade')) ensureBuild(opts.rebuild);
  await guard('chain', async () => [...(await benchChainPglite()), ...(await benchChainPostgres())]);
  await guard('chain-inproc', () => benchChainInproc(['rpc', 'skipPreflight', 'no indexer', 'node:http']));
  await guard('keeper', async () => (await benchKeeperChain({ positions: opts.positions, runs: 3 })).map((r) => ({ ...r, section: 'keeper' })));
  await guard('restart', () => benchRestart(opts.positions));
  await guard('indexer', () => {
    const r = script('indexer', 'bench/indexer-lag.ts', ['--wallets=40', '--seconds=10'], 'the indexer lag bench');
    return r.rows.length > 0 ? r.rows : indexerRows(r.stdout);
  });
  await guard('trade', () => benchTrade({ lighthouseRuns: opts.lighthouseRuns }));
  printTable(rows);
  const file = path.join(process.cwd(), 'bench/results.json');
  const at = new Date().toISOString();
  const ran = new Set(rows.map((r) => r.section));
  const previous = existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as { rows?: (BenchRow & { at?: string })[] }).rows ?? []) : [];
  // Rows of the old off-chain bench (math, keeper on the engine, aum, api) are dropped: only these sections remain.
  const known = (r: BenchRow) => (SECTIONS as readonly string[]).includes(r.section);
  const order = (r: BenchRow) => SECTIONS.indexOf(r.section as Section);
  const merged = [...previous.filter((r) => known(r) && !ran.has(r.section)), ...rows.map((r) => ({ ...r, at }))].sort((a, b) => order(a) - order(b));
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

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
