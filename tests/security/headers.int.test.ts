/**
 * Issue 9, security headers on a built server: every page and every API answer (success, refusal, 404) carries
 * the Content-Security-Policy and the usual hardening headers of next.config.js, and no `x-powered-by`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type BuiltServer } from '../integration/support/built-server';

const REQUIRED = {
  'x-content-type-options': /^nosniff$/,
  'x-frame-options': /^DENY$/,
  'referrer-policy': /^strict-origin-when-cross-origin$/,
  'permissions-policy': /camera=\(\)/,
  'strict-transport-security': /max-age=\d{7,}/,
  'cross-origin-opener-policy': /^same-origin/,
} as const;

/** Directives the production CSP must hold; and what it must never allow. */
const CSP_MUST = ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"];
const CSP_NEVER = ["'unsafe-eval'", 'script-src *', "script-src 'self' http:", 'default-src *'];

describe('security headers on a built server', () => {
  let server: BuiltServer | undefined;
  let dataDir = '';
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'ledger-headers-'));
    server = await startServer({ DATA_DIR: dataDir, DEVNET: '1', ORACLE: 'manual' });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const requests: [string, string, RequestInit?][] = [
    ['the trade page', '/'],
    ['the earn page', '/earn'],
    ['a missing page', '/no-such-page'],
    ['GET /api/health', '/api/health'],
    ['GET /api/markets', '/api/markets'],
    ['a refused action', '/api/actions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }],
    ['a static asset', '/icon.svg'],
    ['the portfolio page', '/portfolio'],
  ];

  it.each(requests)('%s carries the CSP and hardening headers', async (_name, route, init) => {
    const res = await fetch(`${server?.url ?? ''}${route}`, init);
    await res.arrayBuffer();
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const d of CSP_MUST) expect(csp, `${route}: ${d}`).toContain(d);
    for (const d of CSP_NEVER) expect(csp, `${route}: ${d}`).not.toContain(d);
    for (const [name, pattern] of Object.entries(REQUIRED)) expect(res.headers.get(name) ?? '', `${route}: ${name}`).toMatch(pattern);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});
