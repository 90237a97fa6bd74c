/**
 * `npx tsx bench/profile.ts FILE.cpuprofile [--top=40]`: where a V8 CPU profile's time went: self time per
 * function and per file (a built server's chunks are mapped back to their sources through the chunks' source maps
 * when the function's position falls in one), and the share of idle, GC and native code. For the server of
 * `npm run bench -- chain --profile`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { FlattenMap, originalPositionFor, type TraceMap } from '@jridgewell/trace-mapping';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Coarse categories of self time (first match wins). */
const CATEGORIES: [string, (file: string, fn: string) => boolean][] = [
  ['idle', (_f, fn) => fn === '(idle)'],
  ['garbage collection', (_f, fn) => fn === '(garbage collector)'],
  ['LiteSVM (native execution, account reads; lib/validator/svm.ts)', (f, fn) => f.endsWith('lib/validator/svm.ts') || fn === 'EpochSchedule'],
  ['PGlite (WASM Postgres + its JS)', (f) => f.startsWith('wasm://') || f.includes('@electric-sql/pglite')],
  ['gzip of responses (node:zlib, compression)', (f) => f === 'node:zlib' || f.includes('compiled/compression')],
  ['Next.js request handling, HTTP, streams', (f) => /node_modules\/next\/|next\/src\/|next\/dist\/esm|undici|node:_http|node:http|webstreams|node:internal\/streams|node:net|node:async_hooks|internal\/async_hooks|abort_controller|event_target/.test(f)],
  ['@solana/kit codecs, base58 (base-x)', (f) => f.includes('@solana/') || f.includes('%40solana/') || f.includes('base-x')],
  ['lib/validator (besides svm.ts)', (f) => f.includes('lib/validator/')],
  ['lib/rpc', (f) => f.includes('lib/rpc/')],
  ['lib/indexer', (f) => f.includes('lib/indexer/')],
  ['lib/oracle, lib/chain-runtime (prices, candles, state)', (f) => f.includes('lib/oracle/') || f.includes('lib/chain-runtime/') || f.includes('lib/deployment/')],
  ['other lib/ and app/', (f) => /(^|\/)(lib|app)\//.test(f)],
  ['bench client (in-process runs)', (f) => f.includes('bench/')],
  ['strings and buffers (writeUtf8String, Buffer)', (_f, fn) => /^write(Utf8|Latin1)String$|^writeBuffer$|^(utf8|latin1)Slice$/.test(fn) || _f === 'node:buffer'],
  ['other native and node internals', () => true],
];

export function categorize(profile: CpuProfile): { category: string; ms: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    if (!n) return;
    const o = original(n.callFrame.url, n.callFrame.lineNumber, n.callFrame.columnNumber);
    const file = o ? o.source : shortUrl(n.callFrame.url) || n.callFrame.functionName;
    const [name] = CATEGORIES.find(([, match]) => match(file, n.callFrame.functionName)) ?? ['?'];
    out.set(name, (out.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...out].sort((a, b) => b[1] - a[1]).map(([category, ms]) => ({ category, ms }));
}

export interface ProfileSummary {
  totalMs: number;
  byFunction: { name: string; ms: number }[];
  byFile: { file: string; ms: number }[];
  /** Inclusive: samples with the file anywhere on the stack (once per sample). */
  inclusiveByFile: { file: string; ms: number }[];
}

const maps = new Map<string, TraceMap | null>();

/** The source position of a frame in a built chunk (its .map next to it), else undefined. */
function original(url: string, line: number, column: number): { source: string; line: number; name: string | null } | undefined {
  const file = url.replace(/^file:\/\//, '');
  if (!file.includes('.next')) return undefined;
  let map = maps.get(file);
  if (map === undefined) {
    map = existsSync(`${file}.map`) ? (new FlattenMap(readFileSync(`${file}.map`, 'utf8')) as TraceMap) : null;
    maps.set(file, map);
  }
  if (!map) return undefined;
  const p = originalPositionFor(map, { line: line + 1, column });
  if (!p.source) return undefined;
  return { source: p.source.replace(/^.*?\[project\]\//, '').replace(/^turbopack:\/\/\/?/, ''), line: p.line ?? 0, name: p.name };
}

const shortUrl = (url: string) => url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '').replace(/^.*node_modules\//, 'node_modules/');

/** Self time of the functions whose name contains `needle`, by the first caller frame in lib/ (or the direct parent). */
export function callers(profile: CpuProfile, needle: string): { caller: string; ms: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const out = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    if (!n || !n.callFrame.functionName.includes(needle)) return;
    let caller = '(root)';
    for (let at = parent.get(id); at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      const o = original(f.url, f.lineNumber, f.columnNumber);
      const src = o ? o.source : shortUrl(f.url);
      if (/(^|\/)lib\//.test(src)) {
        caller = `${f.functionName || '(anonymous)'} ${src}:${o ? o.line : f.lineNumber + 1}`;
        break;
      }
    }
    out.set(caller, (out.get(caller) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...out].sort((a, b) => b[1] - a[1]).map(([caller, ms]) => ({ caller, ms }));
}

export function summarize(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const fn = new Map<string, number>();
  const file = new Map<string, number>();
  for (const [id, ms] of self) {
    const n = byId.get(id);
    if (!n) continue;
    const o = original(n.callFrame.url, n.callFrame.lineNumber, n.callFrame.columnNumber);
    const url = o ? o.source : shortUrl(n.callFrame.url);
    const name = o ? `${n.callFrame.functionName || '(anonymous)'} ${o.source}:${o.line}` : `${n.callFrame.functionName || '(anonymous)'} ${url ? `${url}:${n.callFrame.lineNumber + 1}` : ''}`.trim();
    fn.set(name, (fn.get(name) ?? 0) + ms);
    const f = url || n.callFrame.functionName;
    file.set(f, (file.get(f) ?? 0) + ms);
  }
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const fileOf = new Map<number, string>();
  for (const n of profile.nodes) {
    const o = original(n.callFrame.url, n.callFrame.lineNumber, n.callFrame.columnNumber);
    fileOf.set(n.id, o ? o.source : shortUrl(n.callFrame.url) || n.callFrame.functionName);
  }
  const inclusive = new Map<string, number>();
  for (const [id, ms] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(fileOf.get(at) ?? '');
    for (const f of seen) inclusive.set(f, (inclusive.get(f) ?? 0) + ms);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return {
    inclusiveByFile: sorted(inclusive).map(([f, ms]) => ({ file: f, ms })),
    totalMs: (profile.endTime - profile.startTime) / 1000,
    byFunction: sorted(fn).map(([name, ms]) => ({ name, ms })),
    byFile: sorted(file).map(([f, ms]) => ({ file: f, ms })),
  };
}

if (process.argv[1]?.split('/').pop() === 'profile.ts') {
  const path = process.argv[2];
  if (!path) throw new Error('usage: tsx bench/profile.ts FILE.cpuprofile');
  const top = Number(process.argv.find((a) => a.startsWith('--top='))?.split('=')[1] ?? 40);
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const needle = process.argv.find((a) => a.startsWith('--callers='))?.split('=')[1];
  if (needle) {
    for (const c of callers(profile, needle).slice(0, top)) console.log(`${c.ms.toFixed(0).padStart(7)} ms  ${c.caller}`);
    process.exit(0);
  }
  const s = summarize(profile);
  const pct0 = (ms: number) => `${((100 * ms) / s.totalMs).toFixed(1).padStart(5)}%`;
  console.log('— self time by category');
  for (const c of categorize(profile)) console.log(`${pct0(c.ms)} ${c.ms.toFixed(0).padStart(7)} ms  ${c.category}`);
  const pct = (ms: number) => `${((100 * ms) / s.totalMs).toFixed(1).padStart(5)}%`;
  console.log(`profile: ${(s.totalMs / 1000).toFixed(1)} s`);
  console.log('— self time by file');
  for (const f of s.byFile.slice(0, top)) console.log(`${pct(f.ms)} ${f.ms.toFixed(0).padStart(7)} ms  ${f.file}`);
  console.log('— inclusive time by file of ours (lib/, app/, bench/)');
  for (const f of s.inclusiveByFile.filter((x) => /(^|\/)(lib|app|bench)\//.test(x.file)).slice(0, top)) console.log(`${pct(f.ms)} ${f.ms.toFixed(0).padStart(7)} ms  ${f.file}`);
  console.log('— self time by function');
  for (const f of s.byFunction.slice(0, top)) console.log(`${pct(f.ms)} ${f.ms.toFixed(0).padStart(7)} ms  ${f.name}`);
}
