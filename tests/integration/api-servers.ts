/**
 * Built servers for the integration tests: `next start` processes (the build in `.next` is made by
 * scripts/test-all.sh before this project runs), their readiness, a signed-action client, and a hard kill.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { signIntent, type Signer } from '@/lib/auth/sign-intent';
import type { ActionName } from '@/lib/client/wire';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NEXT_BIN = path.join(ROOT, 'node_modules/next/dist/bin/next');

/** Intents name this domain; servers run with APP_DOMAIN set to it, so every instance accepts them. */
export const INT_DOMAIN = 'perps.int';

export function requireBuild(): void {
  if (!existsSync(path.join(ROOT, '.next/BUILD_ID'))) {
    throw new Error('No production build in .next: run `npx next build` first (scripts/test-all.sh does).');
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface NextServer {
  url: string;
  child: ChildProcess;
  logs(): string;
  /** SIGKILL to the whole process group (this server and anything it spawned). */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL if it has not exited in 10 s. */
  stop(): Promise<void>;
}

export async function startNextServer(env: Record<string, string>): Promise<NextServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', APP_DOMAIN: INT_DOMAIN, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const server: NextServer = {
    url: `http://127.0.0.1:${port}`,
    child,
    logs: () => output,
    async kill() {
      signalGroup('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  await waitHealthy(server, exited);
  return server;
}

async function waitHealthy(server: NextServer, exited: Promise<void>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (gone) throw new Error(`server exited before it was ready:\n${server.logs()}`);
    try {
      const res = await fetch(`${server.url}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server not healthy after 120 s:\n${server.logs()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export interface HttpAnswer<T = unknown> {
  status: number;
  body: T;
}

export async function getJson<T>(base: string, route: string): Promise<HttpAnswer<T>> {
  const res = await fetch(`${base}${route}`);
  return { status: res.status, body: (await res.json()) as T };
}

/** Signs `action` for INT_DOMAIN and posts it to `base`. Network failures reject (a killed server). */
export async function actOn<T = unknown>(base: string, signer: Signer, action: ActionName, params: Record<string, unknown>): Promise<HttpAnswer<T>> {
  const body = signIntent({ signer, domain: INT_DOMAIN, action, params });
  const res = await fetch(`${base}/api/actions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}
