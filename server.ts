/**
 * The production server (`npm start`: `node --import tsx server.ts [-p PORT] [-H HOST]`): Next's documented custom
 * server (`next({ dev: false })`, `getRequestHandler()`), with `POST /api/rpc` answered here, before Next's request
 * pipeline (router server, route resolution, app-route runtime, tracer), which cost about 6 ms of CPU per transaction
 * of the 9.3 (bench/README.md § 3). Everything else, and /api/rpc when this process runs no local chain, goes to
 * Next (app/api/rpc/route.ts stays the route of `next dev` and of `next start`).
 *
 * The answer is the route's: the same JSON-RPC handler (lib/rpc) on the same chain, a 1 MB body limit (413
 * BODY_TOO_LARGE in api.md's error shape, `connection: close`), `cache-control: no-store` plus `no-transform` on
 * small answers (gzip only for answers of 2 KB and more, as Next's compression would), and next.config.js's
 * security headers (read from its `headers()`).
 *
 * The chain is the one of the process's services (lib/server/services.ts): Next's `prepare()` runs
 * instrumentation.ts, which builds them into the globalThis slot `Symbol.for('poolperps.services')`; this file only
 * reads that slot (it never builds services itself, so there is never a second PGlite on one folder).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCb } from 'node:zlib';
import type { Services } from '@/lib/server/services';
import type { LocalChain } from '@/lib/validator';
import { MAX_RPC_BYTES, rpcCacheControl } from '@/lib/rpc/http-answer';
import { paintFirstResponse } from '@/lib/server/paint-first-response';

const gzip = promisify(gzipCb);


function argValue(names: readonly string[]): string | undefined {
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i] ?? '';
    for (const n of names) {
      if (a === n) return argv[i + 1];
      if (a.startsWith(`${n}=`)) return a.slice(n.length + 1);
    }
  }
  return undefined;
}

/** next.config.js's headers for every path (`source: '/:path*'`), as a plain object. */
async function securityHeaders(root: string): Promise<Record<string, string>> {
  const require = createRequire(path.join(root, 'package.json'));
  const config = require('./next.config.js') as { headers?: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]> };
  const out: Record<string, string> = {};
  for (const rule of (await config.headers?.()) ?? []) {
    if (rule.source !== '/:path*') continue;
    for (const { key, value } of rule.headers) out[key.toLowerCase()] = value;
  }
  return out;
}

type Slot = { services?: Promise<Services> };
const SERVICES_KEY = Symbol.for('poolperps.services');

/** The local chain of the services Next's instrumentation built (undefined: none, or not built). */
function chainResolver(): () => Promise<LocalChain | undefined> {
  let seen: Promise<Services> | undefined;
  let chain: LocalChain | undefined;
  return async () => {
    const pending = (globalThis as unknown as Record<symbol, Slot | undefined>)[SERVICES_KEY]?.services;
    if (!pending) return undefined;
    if (pending !== seen) {
      const services = await pending.catch(() => undefined);
      chain = services?.chain?.local;
      seen = pending;
    }
    return chain;
  };
}

type Body = { text: string } | { tooLarge: true };

/** The body as UTF-8 within `limit` bytes; over it, stops keeping it (the rest is drained, unread). */
function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const declared = req.headers['content-length'];
    if (declared !== undefined && /^\d+$/.test(declared.trim()) && Number(declared) > limit) {
      req.resume();
      resolve({ tooLarge: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.resume();
        resolve({ tooLarge: true });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve({ text: Buffer.concat(chunks, size).toString('utf8') }));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

function rpcListener(
  security: Record<string, string>,
  handleRpcText: (chain: LocalChain, text: string) => Promise<string>,
): (req: IncomingMessage, res: ServerResponse, chain: LocalChain) => Promise<void> {
  return async (req, res, chain) => {
    const body = await readBody(req, MAX_RPC_BYTES).catch(() => undefined);
    if (!body) {
      if (!res.headersSent) res.destroy();
      return;
    }
    if ('tooLarge' in body) {
      const error = JSON.stringify({ error: { code: 'BODY_TOO_LARGE', message: `The body is larger than ${MAX_RPC_BYTES / 1024} KB; send a smaller request.` } });
      send(res, 413, { ...security, 'content-type': 'application/json', 'cache-control': 'no-store', connection: 'close' }, error);
      return;
    }
    const answer = await handleRpcText(chain, body.text);
    const cacheControl = rpcCacheControl(answer);
    const headers: Record<string, string> = { ...security, 'content-type': 'application/json', 'cache-control': cacheControl };
    if (cacheControl.includes('no-transform')) {
      send(res, 200, headers, answer);
      return;
    }
    headers.vary = 'Accept-Encoding';
    if (/\bgzip\b/i.test(String(req.headers['accept-encoding'] ?? ''))) {
      send(res, 200, { ...headers, 'content-encoding': 'gzip' }, await gzip(answer));
      return;
    }
    send(res, 200, headers, answer);
  };
}

type Upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Solana's PubSub (lib/rpc/pubsub.ts: signature, account, program, slot, root, logs subscriptions) on WebSocket
 * upgrades, for the local chain; with none in this process the upgrade is refused (503).
 */
async function pubSubUpgrades(localChain: () => Promise<LocalChain | undefined>): Promise<Upgrade> {
  const { WebSocketServer } = await import('ws');
  const { servePubSub } = await import('@/lib/rpc/server');
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_RPC_BYTES });
  return (req, socket, head) => {
    void localChain().then(
      (chain) => {
        if (!chain) {
          socket.end('HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
          return;
        }
        wss.handleUpgrade(req, socket, head, (ws) => servePubSub(ws, chain));
      },
      () => socket.destroy(),
    );
  };
}

/**
 * web3.js 1.x dials PubSub at the HTTP port + 1 (`makeWebsocketUrl`; solana-test-validator's 8899/8900), so a
 * stock `new Connection('http://host:3000/api/rpc')` confirms with `signatureSubscribe` on ws://host:3001: every
 * upgrade there is PubSub, plain HTTP gets 426. PUBSUB_PORT moves it or turns it off; a port already taken is only a
 * warning (PubSub stays on /api/rpc of the main port; give web3 `wsEndpoint`).
 */
function listenPubSubPort(upgrade: Upgrade, port: number, httpPort: number, hostname: string | undefined): Promise<number | undefined> {
  const server = createServer((_req, res) => {
    res.writeHead(426, { 'content-type': 'text/plain', connection: 'close' }).end('This port serves Solana PubSub over WebSocket; JSON-RPC is POST /api/rpc on the port below it.');
  });
  server.on('upgrade', upgrade);
  return new Promise((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      console.warn(`[rpc] PubSub port ${port} unavailable (${error.code ?? error.message}); PubSub is on /api/rpc of port ${httpPort}`);
      resolve(undefined);
    });
    const ready = () => resolve(port);
    if (hostname) server.listen(port, hostname, ready);
    else server.listen(port, ready);
  });
}

/** PUBSUB_PORT: unset → the HTTP port + 1, `off` → none (PubSub stays on /api/rpc), else a port number. */
function pubSubPortOf(value: string | undefined, httpPort: number): number | undefined {
  if (value === undefined || value.trim() === '') return httpPort + 1;
  if (value.trim().toLowerCase() === 'off') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65_535 || n === httpPort) {
    throw new Error(`PUBSUB_PORT must be a port number (1–65535, not the HTTP port ${httpPort}) or "off"; it is "${value}".`);
  }
  return n;
}

async function main(): Promise<void> {
  const root = process.cwd();
  const env = process.env as Record<string, string | undefined>;
  env.NODE_ENV ??= 'production';
  const dev = env.NODE_ENV !== 'production';
  const port = Number(argValue(['-p', '--port']) ?? env.PORT ?? 3000);
  const hostname = argValue(['-H', '--hostname']);

  // This server compresses (below), so that the HTML documents are rewritten before they are compressed
  // (lib/server/paint-first.ts); next.config.js turns Next's own compression off when it sees this.
  env.POOLPERPS_SERVER_COMPRESSES = '1';
  const { default: compression } = await import('compression');
  const compress = compression();
  const { default: next } = await import('next');
  // Next attaches its own 'upgrade' listener to `httpServer` (else to the first request's server) and ends every
  // upgrade it does not route, PubSub's included: it gets a server that never listens, and the real one hands it
  // the upgrades that are not PubSub (below).
  const app = next({ dev, dir: root, hostname: hostname ?? 'localhost', port, httpServer: createServer() });
  const handle = app.getRequestHandler();
  // prepare() runs instrumentation.ts: the services (and the chain) exist when it returns.
  await app.prepare();

  const security = await securityHeaders(root);
  const localChain = chainResolver();
  const { handleRpcText } = await import('@/lib/rpc/handler');
  const rpc = rpcListener(security, handleRpcText);

  const server = createServer((req, res) => {
    if (!dev && req.method === 'POST' && req.url === '/api/rpc') {
      void localChain().then(
        (chain) => {
          // No local chain here: the route answers (its 503 NO_LOCAL_CHAIN).
          if (!chain) return handle(req, res);
          return rpc(req, res, chain);
        },
      ).catch((error: unknown) => {
        console.error('[rpc] unexpected error', error);
        if (!res.headersSent) {
          send(res, 500, { ...security, 'content-type': 'application/json', 'cache-control': 'no-store' }, JSON.stringify({ error: { code: 'INTERNAL', message: 'Something went wrong on the server; try again in a moment.' } }));
        }
      });
      return;
    }
    // The same compression middleware Next runs (next/dist/compiled/compression), one layer out.
    compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () => {
      if (!dev) paintFirstResponse(res);
      void handle(req, res);
    });
  });
  const pubsub = await pubSubUpgrades(localChain);
  const nextUpgrade = app.getUpgradeHandler();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!dev && (req.url ?? '').split('?')[0] === '/api/rpc') pubsub(req, socket, head);
    else void nextUpgrade(req, socket, head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if (hostname) server.listen(port, hostname, resolve);
    else server.listen(port, resolve);
  });
  const pubSubPort = pubSubPortOf(env.PUBSUB_PORT, port);
  const wsPort = dev || pubSubPort === undefined ? undefined : await listenPubSubPort(pubsub, pubSubPort, port, hostname);
  const ws = wsPort === undefined ? '' : `, PubSub on ws://…:${port}/api/rpc and ws://…:${wsPort}`;
  console.log(`> Ready on http://${hostname ?? 'localhost'}:${port} (${dev ? 'development' : 'production'}; POST /api/rpc served directly${ws})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
