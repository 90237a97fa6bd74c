/**
 * A built server for the chain and /trade benchmarks: server.ts (what `npm start` runs) with the build in NEXT_DIST_DIR (default
 * `.next-bench`, built once with `next build` when missing), DEVNET=1, ORACLE=manual unless the caller says
 * otherwise, on a free port; ready when
 * /api/health answers 200; stopped with SIGTERM to its process group (SIGKILL after 10 s).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { log } from './stats';

const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, 'node_modules/next/dist/bin/next');
/** The production server (server.ts: Next's custom server, POST /api/rpc answered before Next's pipeline). */
const SERVER_ARGS = ['--import', 'tsx', path.join(ROOT, 'server.ts')];

export function benchDistDir(): string {
  return process.env.NEXT_DIST_DIR || '.next-bench';
}

/** Builds into benchDistDir() unless a build is there (or `force`). Takes minutes on a busy 2-core machine. */
export function ensureBuild(force = false): void {
  if (!force && existsSync(path.join(ROOT, benchDistDir(), 'BUILD_ID'))) return;
  log(`building into ${benchDistDir()} (next build)…`);
  // next build adds its dist dir's types to tsconfig.json's include; the bench's dir is not the project's.
  const tsconfig = path.join(ROOT, 'tsconfig.json');
  const before = readFileSync(tsconfig, 'utf8');
  try {
    const r = spawnSync(process.execPath, [NEXT_BIN, 'build'], { cwd: ROOT, env: { ...process.env, NEXT_DIST_DIR: benchDistDir() }, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('next build failed');
  } finally {
    if (readFileSync(tsconfig, 'utf8') !== before) writeFileSync(tsconfig, before);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

export interface BenchServer {
  url: string;
  logs(): string;
  /** CPU time (user + system) the server process has used so far, ms (Linux /proc; NaN elsewhere). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** utime + stime of a process from /proc/PID/stat, in ms (clock ticks of 10 ms, Linux's USER_HZ). */
export function processCpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** `nodeArgs`: flags for the server's node (e.g. `--cpu-prof`, which NODE_OPTIONS refuses). */
export async function startBenchServer(env: Record<string, string>, opts: { nodeArgs?: string[] } = {}): Promise<BenchServer> {
  ensureBuild();
  const port = await freePort();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...SERVER_ARGS, '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: '',
      NODE_ENV: 'production',
      NEXT_DIST_DIR: benchDistDir(),
      DEVNET: '1',
      ORACLE: 'manual',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  let gone = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      gone = true;
      resolve();
    }),
  );
  const signal = (s: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, s);
    } catch {
      // already gone
    }
  };
  const server: BenchServer = {
    url: `http://127.0.0.1:${port}`,
    logs: () => output,
    cpuMs: () => processCpuMs(child.pid),
    async stop() {
      if (gone) return;
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (gone) throw new Error(`server exited before it was ready:\n${output}`);
    const status = await fetch(`${server.url}/api/health`).then((r) => r.status, () => 0);
    if (status === 200) return server;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`server not healthy after 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
