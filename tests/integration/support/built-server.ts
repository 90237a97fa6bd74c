/**
 * Built servers for the issue-9 integration suites: server.ts (`npm start`) on a free port with the build in NEXT_DIST_DIR
 * (default `.next`; scripts/test-all.sh builds it before this project runs), ready when /api/health answers 200,
 * stopped with SIGTERM or killed with SIGKILL (the whole process group).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** The production server (server.ts, what `npm start` runs: Next's custom server, POST /api/rpc served before Next's pipeline). */
const SERVER_ARGS = ['--import', 'tsx', path.join(ROOT, 'server.ts')];


export function distDir(): string {
  return process.env.NEXT_DIST_DIR || '.next';
}

/** Throws a clear message when there is no production build to start. */
export function requireBuild(): void {
  if (!existsSync(path.join(ROOT, distDir(), 'BUILD_ID'))) {
    throw new Error(`No production build in ${distDir()}: run \`NEXT_DIST_DIR=${distDir()} npx next build\` first (npm test does).`);
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

export interface BuiltServer {
  url: string;
  logs(): string;
  exited(): boolean;
  /** SIGKILL to the process group: no shutdown hook runs. */
  kill(): Promise<void>;
  /** SIGTERM (graceful: the services close the database), SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/**
 * Starts one server. `env` overrides the inherited environment; DATABASE_URL and DATA_DIR are cleared first so a
 * developer's own settings never leak into a test.
 */
export async function startServer(env: Record<string, string>): Promise<BuiltServer> {
  requireBuild();
  const port = await freePort();
  const child = spawn(process.execPath, [...SERVER_ARGS, '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: '', NODE_ENV: 'production', NEXT_DIST_DIR: distDir(), ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
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
  const server: BuiltServer = {
    url: `http://127.0.0.1:${port}`,
    logs: () => output,
    exited: () => gone,
    async kill() {
      signal('SIGKILL');
      await exit;
    },
    async stop() {
      if (gone) return;
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
  await waitHealthy(server);
  return server;
}

async function waitHealthy(server: BuiltServer): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exited()) throw new Error(`server exited before it was ready:\n${server.logs()}`);
    const status = await fetch(`${server.url}/api/health`).then((r) => r.status, () => 0);
    if (status === 200) return;
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`server not healthy after 120 s:\n${server.logs()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
