import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '@/lib/config/env';
import { chainPools } from '@/lib/chain-runtime/reads';
import { healthOf } from './dev-controls';
import { getServices, stopServices } from './services';

describe('getServices', () => {
  const saved = { ...process.env };
  let dir: string | undefined;
  afterAll(async () => {
    await stopServices();
    process.env = saved;
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses a bad configuration with the ConfigError sentence, then can retry', async () => {
    process.env.PORT = 'not-a-port';
    await expect(getServices()).rejects.toBeInstanceOf(ConfigError);
    await expect(getServices()).rejects.toThrow(/PORT/);
  });

  it('builds one set of services per process over the embedded database and the local chain, with genesis and a leading keeper', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'services-'));
    process.env = { ...saved, PORT: '3000', DATA_DIR: dir, ORACLE: 'manual', DATABASE_URL: '', DEVNET: '' };
    const [a, b] = await Promise.all([getServices(), getServices()]);
    expect(a).toBe(b);
    expect(a.config.devnet).toBe(true);
    expect(a.db.kind).toBe('pglite');
    expect(a.chainKeeper?.isLeader).toBe(true);
    const health = await healthOf(a);
    expect(health).toMatchObject({ ok: true, db: 'pglite', oracle: { mode: 'manual', stale: false } });
    if (!a.chain) throw new Error('the local chain did not start');
    const pools = await chainPools(a.chain, a.db.sql);
    expect(pools.map((p) => p.lpSupply)).toEqual([10_000_000_000_000n, 1_000_000_000_000n]);
  }, 120_000);
});
