/**
 * Issue 15, the security suite on the chain path, on a built server (PGlite):
 * - the Content-Security-Policy and hardening headers of next.config.js (and no `x-powered-by`) on every answer of
 *   `POST /api/rpc` (a result, a JSON-RPC error, a 413) and `POST /api/transactions/{action}` (a transaction, a
 *   refusal, a malformed body, an unknown action), and on GET /api/chain;
 * - `/api/rpc` refuses a 2 MB body with 413, declared by Content-Length or streamed (chunked) without one, and
 *   `/api/transactions` refuses one too (its limit is 64 KB); the server answers normally afterwards;
 * - no key of the chain's deployment reaches a browser: the seeds in the database (`chain_deployment`'s admin,
 *   oracle authority, faucet mint authority, keeper and genesis owner, and the local validator's faucet seed in
 *   `chain_state`) appear in no file of the client bundle (`<NEXT_DIST_DIR>/static`), no prerendered page, and no
 *   page, script or API answer this server sent, in hex, base64, base58 (seed or 64-byte secret key) or as a byte
 *   list; no 64-hex string in the bundle is such a seed; the bundle names none of the chain's server-only tables,
 *   modules or key settings.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import bs58 from 'bs58';
import { createKeyPairSignerFromPrivateKeyBytes, getAddressEncoder, type KeyPairSigner } from '@solana/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteDatabase } from '@/lib/db/pglite';
import { distDir } from '../support/built-server';
import { faucet, newWallet, ROOT, startChainServer, usd, type BuiltServer } from './support';

const REQUIRED = {
  'x-content-type-options': /^nosniff$/,
  'x-frame-options': /^DENY$/,
  'referrer-policy': /^strict-origin-when-cross-origin$/,
  'permissions-policy': /camera=\(\)/,
  'strict-transport-security': /max-age=\d{7,}/,
  'cross-origin-opener-policy': /^same-origin/,
} as const;
const CSP_MUST = ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"];
const CSP_NEVER = ["'unsafe-eval'", 'script-src *', "script-src 'self' http:", 'default-src *'];
/** Strings only the chain's server side holds: its tables, the validator module, the key settings. */
const SERVER_ONLY = ['chain_deployment', 'chain_accounts', 'chain_transactions', 'faucet_seed', 'litesvm', 'ORACLE_AUTHORITY_KEYPAIR', 'KEEPER_KEYPAIR', 'signerFromSeed'];
const TWO_MB = 2 * 1024 * 1024;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

function expectHardened(res: Response, what: string): void {
  const csp = res.headers.get('content-security-policy') ?? '';
  for (const d of CSP_MUST) expect(csp, `${what}: ${d}`).toContain(d);
  for (const d of CSP_NEVER) expect(csp, `${what}: ${d}`).not.toContain(d);
  for (const [name, pattern] of Object.entries(REQUIRED)) expect(res.headers.get(name) ?? '', `${what}: ${name}`).toMatch(pattern);
  expect(res.headers.get('x-powered-by'), what).toBeNull();
}

/** Every spelling of a 32-byte key seed worth looking for. */
async function spellings(seed: Uint8Array): Promise<string[]> {
  const signer = await createKeyPairSignerFromPrivateKeyBytes(seed);
  const secret = Uint8Array.from([...seed, ...getAddressEncoder().encode(signer.address)]);
  const buf = Buffer.from(seed);
  return [buf.toString('hex'), buf.toString('hex').toUpperCase(), buf.toString('base64'), buf.toString('base64url'), bs58.encode(seed), bs58.encode(secret), [...seed].join(','), [...seed].join(', ')];
}

describe('security on the chain path (built server)', () => {
  let server: BuiltServer | undefined;
  let dataDir = '';
  let wallet: KeyPairSigner;
  /** What this server handed out: pages, their scripts, API answers (route → text). */
  const served = new Map<string, string>();
  const base = () => server?.url ?? '';
  const post = (route: string, body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${base()}${route}`, { method: 'POST', headers, body });
  const keep = async (route: string, res: Response) => {
    served.set(`${route} #${served.size}`, await res.text());
    return res;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'chain-security-'));
    server = await startChainServer({ DATA_DIR: dataDir });
    wallet = await newWallet();
    expect((await faucet(base(), wallet.address)).status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** A POST through node:http on `agent` (one socket: a kept-alive connection is reused by the next call). */
  const rawPost = (agent: http.Agent, route: string, chunks: Buffer[], headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const url = new URL(route, base());
      const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      for (const chunk of chunks) req.write(chunk);
      req.end();
    });
  /** 2 MB of JSON in 64 KB writes, no Content-Length: node:http sends it chunked. */
  const chunkedBody = () => [Buffer.from('{"jsonrpc":"2.0","id":1,"method":"getHealth","pad":"'), ...Array.from({ length: TWO_MB / 65_536 }, () => Buffer.alloc(65_536, 'x')), Buffer.from('"}')];
  const rpcBody = (method: string, params: unknown[] = []) => JSON.stringify({ jsonrpc: '2.0', id: 1, method, params });
  const openParams = { market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: usd(50), leverageBps: '20000', acceptablePrice: '0' };

  it.each([
    ['a result', () => post('/api/rpc', rpcBody('getHealth')), 200],
    ['an account read', () => post('/api/rpc', rpcBody('getBalance', ['11111111111111111111111111111111'])), 200],
    ['a JSON-RPC parse error', () => post('/api/rpc', '{not json'), 200],
    ['an unknown method', () => post('/api/rpc', rpcBody('getNothing')), 200],
    ['a batch', () => post('/api/rpc', `[${rpcBody('getSlot')},${rpcBody('getHealth')}]`), 200],
  ] as const)('POST /api/rpc, %s: hardened headers', async (what, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expectHardened(res, what);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    await keep('/api/rpc', res);
  });

  it('POST /api/transactions answers carry the headers: a transaction, a refusal, a malformed body, an unknown action, GET /api/chain', async () => {
    const cases: [string, () => Promise<Response>, number][] = [
      ['a built transaction', () => post('/api/transactions/openPosition', JSON.stringify({ owner: wallet.address, params: openParams })), 200],
      ['a refusal', () => post('/api/transactions/openPosition', JSON.stringify({ owner: wallet.address, params: { ...openParams, leverageBps: '5000000' } })), 422],
      ['a malformed body', () => post('/api/transactions/openPosition', '{'), 400],
      ['a wrong content type', () => post('/api/transactions/openPosition', '{}', { 'content-type': 'text/plain' }), 415],
      ['an unknown action', () => post('/api/transactions/stealEverything', JSON.stringify({ owner: wallet.address, params: {} })), 404],
      ['GET /api/chain', () => fetch(`${base()}/api/chain`), 200],
    ];
    for (const [what, send, status] of cases) {
      const res = await send();
      expect(res.status, what).toBe(status);
      expectHardened(res, what);
      await keep(what, res);
    }
  });

  it('POST /api/rpc refuses a 2 MB body with 413, declared by Content-Length', async () => {
    const padded = `{"jsonrpc":"2.0","id":1,"method":"getHealth","params":[],"pad":"${'x'.repeat(TWO_MB)}"}`;
    const res = await post('/api/rpc', padded);
    expect(res.status).toBe(413);
    expectHardened(res, '413');
    const body = (await res.json()) as { error?: { code?: string } };
    expect(body.error?.code).toBe('BODY_TOO_LARGE');
    // The server is fine afterwards.
    expect((await post('/api/rpc', rpcBody('getHealth'))).status).toBe(200);
  });

  it('POST /api/rpc and /api/transactions refuse a 2 MB body streamed without Content-Length (chunked) with 413', async () => {
    for (const route of ['/api/rpc', '/api/transactions/openPosition']) {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const res = await rawPost(agent, route, chunkedBody());
        expect(res.status, route).toBe(413);
        expect(res.headers['content-type'] ?? '').toMatch(/^application\/json/);
        expect((JSON.parse(res.body) as { error?: { code?: string } }).error?.code).toBe('BODY_TOO_LARGE');
        expect(res.headers['x-frame-options']).toBe('DENY');
      } finally {
        agent.destroy();
      }
    }
  });

  // BUG (reported): after a 413 on a chunked body the server keeps the connection alive without draining the rest
  // (lib/http/read-body.ts readLimited cancels the body stream), so the next request on that connection hangs until
  // the keep-alive timeout and is reset. Either `Connection: close` on the 413 or a usable connection is right.
  // (A body with Content-Length over the limit is fine: nothing of it is read and Node drains it.) Remove `.fails`
  // once fixed.
  it('after a 413 on a chunked body the connection is closed or still answers', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const refused = await rawPost(agent, '/api/rpc', chunkedBody());
      expect(refused.status).toBe(413);
      if (refused.headers.connection === 'close') return;
      const next = await rawPost(agent, '/api/rpc', [Buffer.from(rpcBody('getSlot'))], { 'content-length': String(rpcBody('getSlot').length) });
      expect(next.status).toBe(200);
    } finally {
      agent.destroy();
    }
  });

  it('POST /api/transactions refuses a 2 MB body with 413', async () => {
    const res = await post('/api/transactions/openPosition', JSON.stringify({ owner: wallet.address, params: openParams, pad: 'x'.repeat(TWO_MB) }));
    expect(res.status).toBe(413);
    expectHardened(res, '413 transactions');
  });

  it('collects what the browser gets: the pages, their scripts, the read APIs', async () => {
    for (const route of ['/', '/trade', '/earn', '/portfolio', '/api/chain', '/api/health', '/api/markets', '/api/pools', `/api/accounts/${wallet.address}`, `/api/history/${wallet.address}`]) {
      const res = await keep(route, await fetch(`${base()}${route}`));
      expect(res.status, route).toBe(200);
    }
    const scripts = new Set([...served.values()].flatMap((html) => [...html.matchAll(/\/_next\/static\/[^"'\s)\\]+\.js/g)].map((m) => m[0])));
    expect(scripts.size).toBeGreaterThan(0);
    for (const script of scripts) {
      const res = await fetch(`${base()}${script}`);
      expect(res.status, script).toBe(200);
      await keep(script, res);
    }
  });

  it('a built transaction is unsigned: its signature slots are zeros (the server never signs for an owner)', async () => {
    const built = [...served].find(([where]) => where.startsWith('a built transaction'));
    expect(built).toBeDefined();
    const tx = Buffer.from((JSON.parse(built?.[1] ?? '{}') as { transaction: string }).transaction, 'base64');
    const signatures = tx[0] ?? 0;
    expect(signatures).toBeGreaterThan(0);
    expect(tx.subarray(1, 1 + 64 * signatures).every((b) => b === 0)).toBe(true);
  });
  it('no seed of the chain deployment (read from the database) is in the client bundle, a prerendered page, or anything served', async () => {
    await server?.stop(); // PGlite is one process: read the database once the server is down
    server = undefined;
    const db = await openPgliteDatabase(dataDir);
    let seeds: Uint8Array[];
    try {
      const deployment = await db.sql.query<{ value: string }>('SELECT value FROM chain_deployment WHERE id = 1');
      const record = JSON.parse(deployment.rows[0]?.value ?? '{}') as { seeds?: Record<string, string> };
      const state = await db.sql.query<{ faucet_seed: Uint8Array }>('SELECT faucet_seed FROM chain_state WHERE id = 1');
      const hexSeeds = Object.values(record.seeds ?? {});
      expect(hexSeeds.length).toBeGreaterThanOrEqual(5);
      for (const hex of hexSeeds) expect(hex).toMatch(/^[0-9a-f]{64}$/);
      seeds = [...hexSeeds.map((hex) => Uint8Array.from(Buffer.from(hex, 'hex'))), new Uint8Array(state.rows[0]?.faucet_seed ?? [])];
      expect(seeds.at(-1)?.length).toBe(32);
    } finally {
      await db.close();
    }

    const corpus = new Map(served);
    const staticDir = path.join(ROOT, distDir(), 'static');
    const pagesDir = path.join(ROOT, distDir(), 'server', 'app');
    expect(existsSync(staticDir), `no build in ${distDir()}`).toBe(true);
    for (const file of filesUnder(staticDir)) if (/\.(js|css|json|txt|html|map)$/.test(file)) corpus.set(path.relative(ROOT, file), readFileSync(file, 'utf8'));
    for (const file of filesUnder(pagesDir)) if (/\.(html|rsc|meta)$/.test(file)) corpus.set(path.relative(ROOT, file), readFileSync(file, 'utf8'));
    expect([...corpus.keys()].filter((f) => f.endsWith('.js')).length).toBeGreaterThan(3);

    const leaks: string[] = [];
    for (const seed of seeds) {
      for (const spelling of await spellings(seed)) {
        for (const [where, text] of corpus) if (text.includes(spelling)) leaks.push(`${where}: ${spelling.slice(0, 12)}…`);
      }
    }
    expect(leaks).toEqual([]);

    const seedHex = new Set(seeds.map((s) => Buffer.from(s).toString('hex')));
    const bundleHex = [...corpus].flatMap(([where, text]) => [...text.matchAll(/[0-9a-fA-F]{64}/g)].map((m) => [where, m[0].toLowerCase()] as const));
    expect(bundleHex.filter(([, hex]) => seedHex.has(hex)).map(([where]) => where)).toEqual([]);

    const bundle = [...corpus].filter(([where]) => where.startsWith(path.relative(ROOT, staticDir)));
    for (const marker of SERVER_ONLY) expect(bundle.filter(([, text]) => text.includes(marker)).map(([where]) => where), marker).toEqual([]);
  });

});
