/**
 * Issue 9: the headers next.config.js sends on every route (unit level; tests/security/headers.int.test.ts checks
 * them on a built server). The production Content-Security-Policy allows scripts only from this origin (plus
 * Next's inline bootstrap), no eval, no framing, no plugins, and connections only to this origin and the local
 * Mobile Wallet Adapter socket.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Header {
  key: string;
  value: string;
}
interface NextConfigLike {
  poweredByHeader?: boolean;
  headers(): Promise<{ source: string; headers: Header[] }[]>;
}

const require = createRequire(import.meta.url);
const CONFIG = require.resolve('../../next.config.js');

function loadConfig(nodeEnv: string): NextConfigLike {
  const env = process.env as Record<string, string | undefined>;
  const before = env.NODE_ENV;
  env.NODE_ENV = nodeEnv;
  try {
    delete require.cache[CONFIG];
    return require(CONFIG) as NextConfigLike;
  } finally {
    env.NODE_ENV = before;
  }
}

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map(([name, ...values]) => [name as string, values]));
}

describe('next.config.js security headers (production)', () => {
  let headers: Header[] = [];
  let config: NextConfigLike;
  beforeAll(async () => {
    config = loadConfig('production');
    const rules = await config.headers();
    expect(rules.map((r) => r.source)).toContain('/:path*');
    headers = rules.find((r) => r.source === '/:path*')?.headers ?? [];
  });
  afterAll(() => {
    delete require.cache[CONFIG];
  });
  const get = (key: string) => headers.find((h) => h.key.toLowerCase() === key.toLowerCase())?.value;

  it.each([
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Cross-Origin-Opener-Policy', 'same-origin-allow-popups'],
    ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
  ])('%s is %s', (key, value) => {
    expect(get(key)).toBe(value);
  });

  it('switches off powerful features and the x-powered-by header', () => {
    expect(get('Permissions-Policy')).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    expect(config.poweredByHeader).toBe(false);
  });

  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'unsafe-inline'"]],
    ['frame-ancestors', ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['connect-src', ["'self'", 'ws://localhost:*', 'ws://127.0.0.1:*', 'wss://localhost:*']],
  ])('CSP %s is exactly %j', (name, values) => {
    expect(directives(get('Content-Security-Policy') ?? '').get(name)).toEqual(values);
  });

  it('adds eval and dev connections only in development', async () => {
    const dev = loadConfig('development');
    const csp = (await dev.headers())[0]?.headers.find((h) => h.key === 'Content-Security-Policy')?.value ?? '';
    expect(directives(csp).get('script-src')).toContain("'unsafe-eval'");
    expect(get('Content-Security-Policy')).not.toContain('unsafe-eval');
  });
});
