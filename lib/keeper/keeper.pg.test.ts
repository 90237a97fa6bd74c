/**
 * One keeper leader on PostgreSQL (TEST_DATABASE_URL, a schema of its own): two keepers as two app instances would
 * run them (each its own pool, so its own lock connection) over one chain; the holder of the lock leads, and when
 * its connection dies the other takes over and liquidates what the next update crosses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Address } from '@solana/kit';
import { dropPostgresSchema, openPostgresDatabase, type PostgresDatabase } from '@/lib/db/postgres';
import { runMigrations } from '@/lib/db/migrations';
import { MARKETS, lockToken } from '@/lib/math/params';
import { liquidationPriceAt } from './books';
import { ChainKeeper } from './keeper';
import { startKeeperWorld, type KeeperWorld } from './testing';

const url = process.env.TEST_DATABASE_URL;
const USDC = 1_000_000n;

if (!url) {
  describe('keeper leader on postgres', () => {
    it.skip('needs TEST_DATABASE_URL; skipped', () => undefined);
  });
} else {
  describe('keeper leader on postgres', () => {
    const schema = `keeper_chain_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
    // Advisory locks are per database, not per schema: a key of this run's own.
    const lockKey = 7_400_000 + Math.floor(Math.random() * 1e6);
    const dbs: PostgresDatabase[] = [];
    let w: KeeperWorld;
    const keepers: ChainKeeper[] = [];

    beforeAll(async () => {
      for (let i = 0; i < 3; i++) dbs.push(await openPostgresDatabase(url, { schema, max: 4 }));
      await runMigrations(dbs[0]!);
      w = await startKeeperWorld(dbs[0]!);
      for (const db of dbs.slice(1)) keepers.push(new ChainKeeper(w.runtime, db, { lockKey, leaseRetryMs: 100, sweepMs: 60_000, log: () => undefined }));
      await Promise.all(keepers.map((k) => k.start()));
    }, 180_000);

    afterAll(async () => {
      for (const k of keepers) await k.stop();
      await w?.stop();
      for (const db of dbs) await db.close();
      await dropPostgresSchema(url, schema);
    });

    function liquidationNow(address: Address): bigint {
      const p = w.runtime.state.positions.get(address)!;
      const s = w.runtime.snapshot();
      return liquidationPriceAt(p, MARKETS.SOL.liquidationLeverageBps, s.interestNow('ALP', lockToken('SOL', p.state.side)));
    }

    async function doomed(): Promise<Address> {
      const t = await w.trader({ USDC: 200n * USDC });
      return w.open(t, { market: 'SOL', side: 'short', amount: 100n * USDC, leverageBps: 500_000n });
    }

    const waitFor = async (cond: () => boolean, ms = 10_000) => {
      const deadline = Date.now() + ms;
      while (!cond() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      return cond();
    };

    it('runs one leader; when its lock connection dies the other takes over and liquidates', async () => {
      expect(keepers.filter((k) => k.isLeader)).toHaveLength(1);
      const leader = keepers.find((k) => k.isLeader)!;
      const follower = keepers.find((k) => !k.isLeader)!;

      const first = await doomed();
      await w.setPrices({ SOL: liquidationNow(first) });
      expect(await waitFor(() => !w.runtime.state.positions.has(first))).toBe(true);
      expect(leader.actions.some((a) => a.address === first && a.ok)).toBe(true);
      expect(follower.actions).toHaveLength(0);

      // The leader's session dies (as when its process or connection does): its advisory lock goes with it.
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        const { rows } = await admin.query<{ pid: number }>("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted", [lockKey]);
        expect(rows).toHaveLength(1);
        await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      } finally {
        await admin.end();
      }
      expect(await waitFor(() => follower.isLeader && !leader.isLeader)).toBe(true);

      const second = await doomed();
      await w.setPrices({ SOL: liquidationNow(second) });
      expect(await waitFor(() => !w.runtime.state.positions.has(second))).toBe(true);
      expect(follower.actions.some((a) => a.address === second && a.ok)).toBe(true);
      expect(leader.actions.some((a) => a.address === second)).toBe(false);
      // The old leader keeps retrying and stays a follower while the lock is held.
      await new Promise((r) => setTimeout(r, 400));
      expect(keepers.filter((k) => k.isLeader)).toHaveLength(1);
    }, 120_000);
  });
}
