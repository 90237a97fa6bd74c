/**
 * /trade on a phone, against the built server with the ticking oracle users see (ORACLE=simulated: prices move,
 * the price writer sends its transactions, the stream pushes ticks): (1) the compressed JavaScript downloaded on a
 * first load (sum of the encoded body sizes of every script response, in a fresh Chromium context with the Pixel 7
 * profile; `next start` serves them gzip), (2) largest contentful paint in that page (PerformanceObserver,
 * buffered), each the median of RUNS cold loads; (3) the Lighthouse 12 mobile performance score (its default
 * simulated slow-4G and 4x CPU), median of LIGHTHOUSE_RUNS, and beside it, in the same run and interleaved, the
 * same stack's light page: /portfolio with no wallet (the shell: Next, React, providers, header, bottom tabs, and
 * a "connect a wallet" screen; the 404 page would be lighter but Lighthouse refuses a 404 document). Total
 * blocking time and script evaluation (main-thread breakdown) of both give ratios that hold across machines, and
 * Lighthouse's bootup-time per script shows which scripts /trade adds.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, devices } from 'playwright-core';
import { startBenchServer } from './server';
import { log, median, row, type BenchRow } from './stats';

const RUNS = 3;
const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
const CHROME_FLAGS = '--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';

interface LoadFigures {
  scriptBytes: number;
  /** Each script: encoded kB, encoding, path. */
  list: string[];
  scripts: number;
  encodings: string;
  lcpMs: number;
}

async function coldLoad(url: string): Promise<LoadFigures> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ ...devices['Pixel 7'] });
    const page = await context.newPage();
    const scripts: Promise<{ bytes: number; encoding: string; url: string }>[] = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() !== 'script') return;
      scripts.push(
        (async () => {
          const sizes = await request.sizes();
          const response = await request.response();
          return { bytes: sizes.responseBodySize, encoding: (await response?.headerValue('content-encoding')) ?? 'identity', url: new URL(request.url()).pathname };
        })(),
      );
    });
    await page.goto(url, { waitUntil: 'networkidle', timeout: 60_000 });
    const lcpMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let last = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) last = Math.max(last, e.startTime);
          }).observe({ type: 'largest-contentful-paint', buffered: true });
          setTimeout(() => resolve(last), 200);
        }),
    );
    const done = await Promise.all(scripts);
    const encodings = [...new Set(done.map((d) => d.encoding))].join('+');
    const list = [...done].sort((a, b) => b.bytes - a.bytes).map((d) => `${(d.bytes / 1000).toFixed(1)} kB ${d.encoding} ${d.url}`);
    return { scriptBytes: done.reduce((a, d) => a + d.bytes, 0), list, scripts: done.length, encodings, lcpMs };
  } finally {
    await browser.close();
  }
}

interface LighthouseRun {
  score: number;
  /** The metrics behind the score (ms, CLS unitless). */
  metrics: string;
  tbtMs: number;
  lcpMs: number;
  /** Main-thread breakdown: script evaluation, and everything (ms, Lighthouse's ×4 CPU). */
  scriptEvalMs: number;
  mainThreadMs: number;
  /** bootup-time: per script, scripting ms. */
  scripts: { url: string; scripting: number }[];
  /** Lighthouse's own measure of the host's speed (environment.benchmarkIndex; higher is faster). */
  benchmarkIndex: number;
}

const LH_METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index', 'cumulative-layout-shift'] as const;

async function lighthouseScore(url: string): Promise<LighthouseRun> {
  const bin = path.join(process.cwd(), 'node_modules/.bin/lighthouse');
  const args = [url, '--only-categories=performance', '--output=json', '--output-path=stdout', '--quiet', `--chrome-flags=${CHROME_FLAGS}`];
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      try {
        const report = JSON.parse(out) as {
          environment?: { benchmarkIndex?: number };
          categories?: { performance?: { score?: number | null } };
          audits?: Record<string, { numericValue?: number; details?: { items?: Record<string, unknown>[] } }>;
        };
        const score = report.categories?.performance?.score;
        if (typeof score !== 'number') throw new Error('no performance score');
        const audit = (name: string) => report.audits?.[name];
        const metrics = LH_METRICS.map((m) => `${m.replace(/-/g, ' ')} ${Math.round((audit(m)?.numericValue ?? Number.NaN) * 1000) / 1000}`).join(', ');
        const breakdown = (audit('mainthread-work-breakdown')?.details?.items ?? []) as { group?: string; duration?: number }[];
        const scripts = ((audit('bootup-time')?.details?.items ?? []) as { url?: string; scripting?: number }[]).map((i) => ({ url: String(i.url ?? ''), scripting: Number(i.scripting ?? 0) }));
        resolve({
          score: Math.round(score * 100),
          metrics,
          tbtMs: audit('total-blocking-time')?.numericValue ?? Number.NaN,
          lcpMs: audit('largest-contentful-paint')?.numericValue ?? Number.NaN,
          scriptEvalMs: breakdown.find((b) => b.group === 'scriptEvaluation')?.duration ?? Number.NaN,
          mainThreadMs: audit('mainthread-work-breakdown')?.numericValue ?? Number.NaN,
          scripts,
          benchmarkIndex: report.environment?.benchmarkIndex ?? Number.NaN,
        });
      } catch (e) {
        reject(new Error(`lighthouse exited ${code}: ${e instanceof Error ? e.message : String(e)} ${err.slice(-500)}`));
      }
    });
  });
}

/** One Lighthouse run, tried once more when its trace fails (it reports NO_NAVSTART now and then). */
async function lighthouseRun(url: string): Promise<LighthouseRun> {
  try {
    return await lighthouseScore(url);
  } catch (e) {
    log(`trade: lighthouse failed once (${e instanceof Error ? e.message.slice(0, 120) : String(e)}), again`);
    return lighthouseScore(url);
  }
}

/** Each script's median scripting ms over runs, /trade's beside the bare page's (by path; 0 when the page lacks it). */
function contributors(trade: LighthouseRun[], bare: LighthouseRun[]): string[] {
  const byPath = (runs: LighthouseRun[]) => {
    const m = new Map<string, number[]>();
    for (const r of runs) for (const s of r.scripts) {
      const p = s.url.startsWith('http') ? new URL(s.url).pathname : s.url;
      m.set(p, [...(m.get(p) ?? []), s.scripting]);
    }
    return new Map([...m].map(([k, v]) => [k, median(v)]));
  };
  const t = byPath(trade);
  const b = byPath(bare);
  return [...t]
    .sort((x, y) => y[1] - x[1])
    .slice(0, 12)
    .map(([p, ms]) => `${Math.round(ms)} ms scripting on /trade, ${Math.round(b.get(p) ?? 0)} ms on ${BARE_PAGE}: ${p}`);
}

/** The light page of the same stack measured beside /trade. */
export const BARE_PAGE = '/portfolio';

export async function benchTrade(opts: { lighthouseRuns: number }): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-trade-'));
  const server = await startBenchServer({ DATA_DIR: dataDir, ORACLE: 'simulated' });
  const url = `${server.url}/trade`;
  const bareUrl = `${server.url}${BARE_PAGE}`;
  try {
    await fetch(url).then((r) => r.text()); // first request compiles nothing in production, but warms the route
    await fetch(bareUrl).then((r) => r.text());
    const loads: LoadFigures[] = [];
    const bareLoads: LoadFigures[] = [];
    for (let r = 0; r < RUNS; r++) {
      loads.push(await coldLoad(url));
      bareLoads.push(await coldLoad(bareUrl));
    }
    const kb = median(loads.map((l) => l.scriptBytes)) / 1000;
    const bareKb = median(bareLoads.map((l) => l.scriptBytes)) / 1000;
    const lcp = median(loads.map((l) => l.lcpMs));
    const first = loads[0];
    const out: BenchRow[] = [
      row({ section: 'trade', name: '/trade first-load JS, compressed (Pixel 7)', value: kb, unit: 'kB', target: '≤ 250 kB', pass: kb <= 250, note: `${first?.scripts ?? 0} scripts, ${first?.encodings ?? ''}; ${BARE_PAGE}: ${bareKb.toFixed(0)} kB`, details: first?.list }),
      row({ section: 'trade', name: '/trade LCP, headless Chromium, loopback', value: lcp, unit: 'ms', target: '< 1500 ms', pass: lcp < 1500 }),
    ];
    if (opts.lighthouseRuns > 0) {
      const runs: LighthouseRun[] = [];
      const bare: LighthouseRun[] = [];
      for (let r = 0; r < opts.lighthouseRuns; r++) {
        log(`trade: lighthouse run ${r + 1}/${opts.lighthouseRuns} (/trade, then ${BARE_PAGE})`);
        runs.push(await lighthouseRun(url));
        bare.push(await lighthouseRun(bareUrl));
      }
      const m = (xs: LighthouseRun[], f: (r: LighthouseRun) => number) => median(xs.map(f));
      const score = m(runs, (r) => r.score);
      const tbt = m(runs, (r) => r.tbtMs);
      const bareTbt = m(bare, (r) => r.tbtMs);
      const se = m(runs, (r) => r.scriptEvalMs);
      const bareSe = m(bare, (r) => r.scriptEvalMs);
      out.push(
        row({ section: 'trade', name: 'Lighthouse 12 mobile performance, /trade', value: score, unit: '', target: '≥ 95', pass: score >= 95, note: `runs: ${runs.map((r) => r.score).join(', ')}; ${BARE_PAGE}: ${bare.map((r) => r.score).join(', ')}; host benchmarkIndex ${Math.round(m([...runs, ...bare], (r) => r.benchmarkIndex))}`, details: [...runs.map((r) => `/trade ${r.score}: ${r.metrics}`), ...bare.map((r) => `${BARE_PAGE} ${r.score}: ${r.metrics}`)] }),
        row({ section: 'trade', name: 'Lighthouse LCP (simulated slow 4G), /trade', value: m(runs, (r) => r.lcpMs), unit: 'ms', target: '', note: `${BARE_PAGE}: ${Math.round(m(bare, (r) => r.lcpMs))} ms` }),
        row({ section: 'trade', name: `total blocking time, /trade (${BARE_PAGE} beside)`, value: tbt, unit: 'ms', target: '', note: `${BARE_PAGE} ${Math.round(bareTbt)} ms; ratio ${(tbt / Math.max(1, bareTbt)).toFixed(2)}; runs ${runs.map((r) => Math.round(r.tbtMs)).join(', ')} / ${bare.map((r) => Math.round(r.tbtMs)).join(', ')}` }),
        row({ section: 'trade', name: `script evaluation, /trade (${BARE_PAGE} beside)`, value: se, unit: 'ms', target: '', note: `${BARE_PAGE} ${Math.round(bareSe)} ms; ratio ${(se / Math.max(1, bareSe)).toFixed(2)}; /trade's own share ${Math.round(se - bareSe)} ms`, details: contributors(runs, bare) }),
        row({ section: 'trade', name: `main-thread work, /trade (${BARE_PAGE} beside)`, value: m(runs, (r) => r.mainThreadMs), unit: 'ms', target: '', note: `${BARE_PAGE} ${Math.round(m(bare, (r) => r.mainThreadMs))} ms` }),
      );
    }
    return out;
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
