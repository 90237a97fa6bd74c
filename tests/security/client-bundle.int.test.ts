/**
 * Issue 9: nothing server-only reaches the browser. Scans the client bundle of the production build
 * (`<NEXT_DIST_DIR>/static`, what the server hands to browsers) for database URLs, the names of server-only
 * settings, the values of secret-looking environment variables of this run (the build runs in the same
 * environment), and strings only server modules contain (SQL, database drivers, the Hermes client).
 * Runs in the integration project because it needs the build.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { distDir, ROOT } from '../integration/support/built-server';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Server settings (lib/config/env.ts) and what their values look like. */
const SERVER_SETTING_NAMES = ['DATABASE_URL', 'TEST_DATABASE_URL', 'DATA_DIR', 'HERMES_URL', 'APP_DOMAIN', 'MAX_PRICE_AGE_S', 'ORACLE_SEED', 'ORACLE_TICK_MS'];
const URL_PATTERNS = [/postgres(?:ql)?:\/\/[^\s"'`]+/i];
/** Strings that exist only in server code: SQL of lib/db and lib/engine, the drivers, the Hermes client. */
const SERVER_ONLY_MARKERS = [
  'schema_migrations', 'engine_state', 'faucet_draws', 'pg_try_advisory_lock', 'INSERT INTO', 'numeric(78,0)', 'FOR UPDATE',
  '@electric-sql/pglite', 'pg-protocol', 'pg-connection-string', 'HermesClient', 'getPriceUpdatesStream', 'Invalid configuration.',
];
const SECRET_NAME = /(URL|SECRET|TOKEN|PASSWORD|PASS|KEY|CREDENTIAL|AUTH)/i;

describe('client bundle', () => {
  const staticDir = path.join(ROOT, distDir(), 'static');
  const bundle = new Map<string, string>();
  beforeAll(() => {
    if (!existsSync(staticDir)) throw new Error(`No build in ${distDir()}: run \`npx next build\` first (npm test does).`);
    for (const file of filesUnder(staticDir)) {
      if (/\.(js|css|json|txt|html|map)$/.test(file)) bundle.set(path.relative(ROOT, file), readFileSync(file, 'utf8'));
    }
  });

  const hits = (needle: string | RegExp) =>
    [...bundle].filter(([, text]) => (typeof needle === 'string' ? text.includes(needle) : needle.test(text))).map(([file]) => file);

  it('holds some JavaScript to scan', () => {
    expect([...bundle.keys()].filter((f) => f.endsWith('.js')).length).toBeGreaterThan(3);
  });

  it.each(SERVER_SETTING_NAMES)('does not name the server setting %s', (name) => {
    expect(hits(name)).toEqual([]);
  });

  it.each(URL_PATTERNS)('holds no database URL (%s)', (pattern) => {
    expect(hits(pattern)).toEqual([]);
  });

  it.each(SERVER_ONLY_MARKERS)('holds no server-only code (%s)', (marker) => {
    expect(hits(marker)).toEqual([]);
  });

  it('holds no value of a secret-looking environment variable of this run (other than NEXT_PUBLIC_*)', () => {
    const leaked = Object.entries(process.env)
      .filter(([name, value]) => !name.startsWith('NEXT_PUBLIC_') && SECRET_NAME.test(name) && value !== undefined && value.length >= 12)
      .filter(([, value]) => hits(value as string).length > 0)
      .map(([name]) => name);
    expect(leaked).toEqual([]);
  });
});
