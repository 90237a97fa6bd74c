/**
 * /trade on a phone, against the built server: (1) the compressed JavaScript downloaded on a first load (sum of
 * the encoded body sizes of every script response, in a fresh Chromium context with the Pixel 7 profile; `next
 * start` serves them gzip), (2) largest contentful paint in that page (PerformanceObserver, buffered), each the
 * median of RUNS cold loads; (3) the Lighthouse 12 mobile performance score (its default simulated slow-4G and
 * CPU throttling), median of LIGHTHOUSE_RUNS.
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
          categories?: { performance?: { score?: number | null } };
          audits?: Record<string, { numericValue?: number }>;
        };
        const score = report.categories?.performance?.score;
        if (typeof score !== 'number') throw new Error('no performance score');
        const metrics = LH_METRICS.map((m) => `${m.replace(/-/g, ' ')} ${Math.round((report.audits?.[m]?.numericValue ?? Number.NaN) * 1000) / 1000}`).join(', ');
        resolve({ score: Math.round(score * 100), metrics });
      } catch (e) {
        reject(new Error(`lighthouse exited ${code}: ${e instanceof Error ? e.message : String(e)} ${err.slice(-500)}`));
      }
    });
  });
}

export async function benchTrade(opts: { lighthouseRuns: number }): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-trade-'));
  const server = await startBenchServer({ DATA_DIR: dataDir });
  const url = `${server.url}/trade`;
  try {
    await fetch(url).then((r) => r.text()); // first request compiles nothing in production, but warms the route
    const loads: LoadFigures[] = [];
    for (let r = 0; r < RUNS; r++) loads.push(await coldLoad(url));
    const kb = median(loads.map((l) => l.scriptBytes)) / 1000;
    const lcp = median(loads.map((l) => l.lcpMs));
    const first = loads[0];
    const out: BenchRow[] = [
      row({ section: 'trade', name: '/trade first-load JS, compressed (Pixel 7)', value: kb, unit: 'kB', target: '≤ 250 kB', pass: kb <= 250, note: `${first?.scripts ?? 0} scripts, ${first?.encodings ?? ''}`, details: first?.list }),
      row({ section: 'trade', name: '/trade LCP, headless Chromium, loopback', value: lcp, unit: 'ms', target: '< 1500 ms', pass: lcp < 1500 }),
    ];
    if (opts.lighthouseRuns > 0) {
      const runs: LighthouseRun[] = [];
      for (let r = 0; r < opts.lighthouseRuns; r++) {
        log(`trade: lighthouse run ${r + 1}/${opts.lighthouseRuns}`);
        runs.push(await lighthouseScore(url));
      }
      const score = median(runs.map((r) => r.score));
      out.push(row({ section: 'trade', name: 'Lighthouse 12 mobile performance', value: score, unit: '', target: '≥ 95', pass: score >= 95, note: `runs: ${runs.map((r) => r.score).join(', ')}`, details: runs.map((r) => `${r.score}: ${r.metrics}`) }));
    }
    return out;
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
