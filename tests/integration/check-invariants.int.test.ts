/**
 * `npm run check:invariants` (scripts/check-invariants.ts) on a real server's PGlite folder: it refuses while a
 * server may hold the folder (postmaster.pid, here left by a SIGKILL in the middle of a burst of deposits), checks
 * a copy with --snapshot (the crashed ledger balances), passes on a cleanly stopped server's folder, and exits 1
 * naming the violation once the ledger is tampered with.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSigner } from '@/lib/auth/sign-intent';
import { openPgliteDatabase } from '@/lib/db/pglite';
import { ROOT, startServer, type BuiltServer } from './support/built-server';
import { act, usd } from './support/http';

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function runCheck(dataDir: string, args: string[] = []): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['scripts/check-invariants.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, out }));
  });
}

describe('npm run check:invariants on a PGlite folder', () => {
  let dataDir = '';
  let server: BuiltServer | undefined;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'ledger-script-'));
    server = await startServer({ DATA_DIR: dataDir, DEVNET: '1', ORACLE: 'manual' });
    const alice = newSigner();
    await act(server.url, alice, 'faucet', { token: 'USDC', amount: usd(5_000) });
    await act(server.url, alice, 'openPosition', { market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: usd(500), leverageBps: '30000', acceptablePrice: '0' });
    await act(server.url, alice, 'addLiquidity', { pool: 'ALP', token: 'USDC', amount: usd(1_000), minLpOut: '0' });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a folder a server may hold, and checks a copy with --snapshot (killed mid-burst: the ledger holds)', async () => {
    // A burst of deposits from a few wallets; the server is SIGKILLed while they are in flight. (The acknowledged
    // deposits themselves are checked by sigkill.int.test.ts; here the whole ledger is.)
    const base = server?.url ?? '';
    const wallets = Array.from({ length: 6 }, () => newSigner());
    await Promise.all(wallets.map((w) => act(base, w, 'faucet', { token: 'USDC', amount: usd(5_000) })));
    let acked = 0;
    let killing: Promise<void> | undefined;
    await Promise.all(
      wallets.map(async (w) => {
        while (!killing) {
          const a = await act(base, w, 'addLiquidity', { pool: 'ALP', token: 'USDC', amount: usd(10), minLpOut: '0' }).catch(() => undefined);
          if (a?.status !== 200) break;
          if (++acked >= 20 && !killing) killing = server?.kill();
        }
      }),
    );
    await killing;
    const refused = await runCheck(dataDir);
    expect(refused.code, refused.out).toBe(2);
    expect(refused.out).toMatch(/may be open in a running server.*--snapshot/);
    const snapshot = await runCheck(dataDir, ['--snapshot']);
    expect(snapshot.code, snapshot.out).toBe(0);
    expect(snapshot.out).toContain('ledger OK: 4 tokens, 5 custodies, 1 open positions');
    expect(acked).toBeGreaterThanOrEqual(20);
  });

  it('passes on a cleanly stopped server, and names a tampered balance', async () => {
    server = await startServer({ DATA_DIR: dataDir, DEVNET: '1', ORACLE: 'manual' });
    await server.stop();
    const clean = await runCheck(dataDir);
    expect(clean.code, clean.out).toBe(0);

    const db = await openPgliteDatabase(dataDir);
    await db.sql.exec("UPDATE custodies SET locked = locked + 1 WHERE pool = 'ALP' AND token = 'USDC'");
    await db.close();
    const broken = await runCheck(dataDir);
    expect(broken.code, broken.out).toBe(1);
    expect(broken.out).toContain('ledger BROKEN: 1 violation');
    expect(broken.out).toMatch(/\[custody-locked\] custody ALP\/USDC: locked \d+ ≠ Σ open positions' locks \d+/);
  });
});
