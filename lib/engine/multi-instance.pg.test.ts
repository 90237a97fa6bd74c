/**
 * Several app instances on one PostgreSQL database (TEST_DATABASE_URL): migrations and genesis race-free,
 * concurrent actions on one pool serialised by the pool row lock, one keeper leader with take-over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropPostgresSchema, openPostgresDatabase, type PostgresDatabase } from '@/lib/db/postgres';
import { MIGRATIONS, runMigrations } from '@/lib/db/migrations';
import { GENESIS } from '@/lib/math/params';
import { ManualOracle } from '@/lib/oracle/manual-oracle';
import { Engine } from './engine';
import { EngineClock } from './clock';
import { KEEPER_LOCK_KEY, Keeper } from './keeper';
import { T0_MS, tokenTotals } from './test-support';

const url = process.env.TEST_DATABASE_URL;
const USDC = 1_000_000n;

if (!url) {
  describe('several instances on postgres', () => {
    it.skip('needs TEST_DATABASE_URL; skipped', () => undefined);
  });
} else {
  describe('several instances on postgres', () => {
    const schema = `engine_multi_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
    const dbs: PostgresDatabase[] = [];
    const engines: Engine[] = [];
    const oracle = new ManualOracle({ ...GENESIS.prices }, T0_MS / 1000);

    beforeAll(async () => {
      for (let i = 0; i < 2; i++) dbs.push(await openPostgresDatabase(url, { schema, max: 6 }));
      await Promise.all(dbs.map((db) => runMigrations(db)));
      for (const db of dbs) {
        engines.push(new Engine({ db, oracle, clock: new EngineClock(() => T0_MS), config: { devnet: true, maxPriceAgeS: 30 } }));
      }
      await Promise.all(engines.map((e) => e.init()));
    });
    afterAll(async () => {
      for (const db of dbs) await db.close();
      await dropPostgresSchema(url, schema);
    });

    it('migrates and writes genesis once when two instances start together', async () => {
      const { rows } = await dbs[0]!.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      expect(rows[0]?.n).toBe(MIGRATIONS.length);
      const pools = await engines[0]!.getPools();
      expect(pools[0]?.lpSupply).toBe(GENESIS.pools.ALP.lpSupply);
      expect((await tokenTotals(dbs[0]!)).USDC).toBe(4_000_000_000_000n);
    });

    it('serialises concurrent opens from both instances without losing an update', async () => {
      const owners = Array.from({ length: 12 }, (_, i) => `w${i}`);
      for (const o of owners) await engines[0]!.execute({ owner: o, nonce: 'f', action: 'faucet', params: { token: 'USDC', amount: 1_000n * USDC } });
      await Promise.all(
        owners.map((o, i) =>
          engines[i % 2]!.execute({
            owner: o,
            nonce: 'o',
            action: 'openPosition',
            params: { market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: 100n * USDC, leverageBps: 50_000n, acceptablePrice: 0n },
          }),
        ),
      );
      const usdc = (await engines[1]!.getPools())[0]?.custodies.find((c) => c.token === 'USDC');
      expect(usdc?.locked).toBe(12n * 500n * USDC);
      expect((await engines[0]!.getMarkets()).find((m) => m.id === 'SOL')?.openInterestShortUsd).toBe(12n * 500n * USDC);
      const same = await Promise.allSettled(
        [0, 1].map((i) => engines[i]!.execute({ owner: 'fresh', nonce: 'dup', action: 'faucet', params: { token: 'SOL', amount: 1n } })),
      );
      expect(same.filter((r) => r.status === 'fulfilled').length).toBe(1);
    });

    it('runs one keeper leader and hands over when it stops', async () => {
      const keepers = dbs.map((db, i) => new Keeper({ engine: engines[i]!, db, oracle }, { leaseRetryMs: 50, log: () => undefined }));
      await Promise.all(keepers.map((k) => k.start()));
      expect(keepers.filter((k) => k.isLeader).length).toBe(1);
      const leader = keepers.find((k) => k.isLeader)!;
      const follower = keepers.find((k) => !k.isLeader)!;
      // A position opened through the follower's instance is liquidated by the leader on the next update.
      const other = engines[keepers.indexOf(follower)]!;
      await other.execute({ owner: 'lev', nonce: 'f', action: 'faucet', params: { token: 'USDC', amount: 100n * USDC } });
      const opened = await other.execute({
        owner: 'lev',
        nonce: 'o',
        action: 'openPosition',
        params: { market: 'BTC', side: 'short', collateralToken: 'USDC', collateralAmount: 50n * USDC, leverageBps: 1_000_000n, acceptablePrice: 0n },
      });
      if (opened.action !== 'openPosition') throw new Error('unexpected');
      await leader.whenIdle();
      oracle.setManualPrices({ BTC: opened.position.liquidationPrice }, T0_MS / 1000);
      await leader.whenIdle();
      expect((await other.getAccount('lev')).positions).toEqual([]);
      await leader.stop();
      await expect.poll(() => follower.isLeader, { timeout: 5_000 }).toBe(true);
      await follower.stop();
    });

    it('hands over when the leader loses its lease connection', async () => {
      const keepers = dbs.map((db, i) => new Keeper({ engine: engines[i]!, db, oracle }, { leaseRetryMs: 50, log: () => undefined }));
      await Promise.all(keepers.map((k) => k.start()));
      const leader = keepers.find((k) => k.isLeader)!;
      const follower = keepers.find((k) => !k.isLeader)!;
      await dbs[0]!.sql.query(
        `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = $1
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        [KEEPER_LOCK_KEY],
      );
      await expect.poll(() => follower.isLeader, { timeout: 5_000 }).toBe(true);
      expect(leader.isLeader).toBe(false);
      await Promise.all(keepers.map((k) => k.stop()));
    });
  });
}
