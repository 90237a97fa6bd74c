/**
 * Crash safety on the embedded database: a `next start` on PGlite is SIGKILLed in the middle of a burst of
 * liquidity deposits; after a restart on the same DATA_DIR every acknowledged deposit is there, every wallet's
 * balance moved in whole deposits only, and the pool holds exactly what the wallets deposited.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSigner, type Signer } from '@/lib/auth/sign-intent';
import type { AccountWire, PoolWire } from '@/lib/client/wire';
import { GENESIS } from '@/lib/math/params';
import { actOn, getJson, requireBuild, startNextServer, type NextServer } from './api-servers';

const FUNDS = 10_000_000_000n; // 10,000 USDC
const DEPOSIT = 100_000_000n; // 100 USDC
const WALLETS = 24;
const KILL_AFTER_ACKS = 60;

describe('SIGKILL during a burst of deposits (PGlite)', () => {
  let dataDir = '';
  let server: NextServer | undefined;
  const wallets: Signer[] = Array.from({ length: WALLETS }, () => newSigner());
  const env = () => ({ DATA_DIR: dataDir, DEVNET: '1', ORACLE: 'manual', DATABASE_URL: '' });

  beforeAll(async () => {
    requireBuild();
    dataDir = await mkdtemp(path.join(tmpdir(), 'perps-sigkill-'));
    server = await startNextServer(env());
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged deposit and only whole deposits', async () => {
    const base = server?.url ?? '';
    const funded = await Promise.all(wallets.map((w) => actOn(base, w, 'faucet', { token: 'USDC', amount: FUNDS.toString() })));
    expect(funded.map((a) => a.status)).toEqual(wallets.map(() => 200));

    const acked = new Map<string, number>(wallets.map((w) => [w.owner, 0]));
    const sent = new Map<string, number>(wallets.map((w) => [w.owner, 0]));
    let total = 0;
    let killing: Promise<void> | undefined;
    const statuses: number[] = [];
    // Each wallet deposits one after another; the wallets run side by side. The kill lands mid-burst.
    await Promise.all(
      wallets.map(async (w) => {
        while (!killing) {
          sent.set(w.owner, (sent.get(w.owner) ?? 0) + 1);
          try {
            const a = await actOn(base, w, 'addLiquidity', { pool: 'ALP', token: 'USDC', amount: DEPOSIT.toString(), minLpOut: '0' });
            statuses.push(a.status);
            if (a.status !== 200) break;
            acked.set(w.owner, (acked.get(w.owner) ?? 0) + 1);
            total += 1;
            if (total >= KILL_AFTER_ACKS && !killing) killing = server?.kill();
          } catch {
            break; // the server died under this request: it is unacknowledged
          }
        }
      }),
    );
    await killing;
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

    server = await startNextServer(env());
    const restarted = server.url;
    let deposited = 0n;
    for (const w of wallets) {
      const a = await getJson<AccountWire>(restarted, `/api/accounts/${w.owner}`);
      expect(a.status).toBe(200);
      const spent = FUNDS - BigInt(a.body.balances.USDC);
      expect(spent % DEPOSIT, `wallet ${w.owner} moved a partial deposit`).toBe(0n);
      const committed = Number(spent / DEPOSIT);
      expect(committed).toBeGreaterThanOrEqual(acked.get(w.owner) ?? 0);
      expect(committed).toBeLessThanOrEqual(sent.get(w.owner) ?? 0);
      expect(committed > 0).toBe(BigInt(a.body.lp.ALP) > 0n);
      deposited += spent;
    }
    const pools = await getJson<PoolWire[]>(restarted, '/api/pools');
    const alpUsdc = pools.body.find((p) => p.id === 'ALP')?.custodies.find((c) => c.token === 'USDC');
    expect(BigInt(alpUsdc?.owned ?? '0')).toBe((GENESIS.pools.ALP.custodies.USDC ?? 0n) + deposited);
  });
});
