/**
 * One indexer among instances on one PostgreSQL: the second follows while the first leads, takes over when the
 * first stops, and resumes at its cursor: the history has every event once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_IDS, type FeedId } from '@/lib/math/ids';
import { GENESIS } from '@/lib/math/params';
import { dropPostgresSchema, openPostgresDatabase, type PostgresDatabase } from '@/lib/db/postgres';
import { addLiquidityIx, swapIx } from '@/lib/chain/testing/actions';
import type { Trader } from '@/lib/chain/testing/world';
import { startIndexer } from './indexer';
import { expectedRowKeys, indexedRowKeys, newTrader, send, setPrices, startTestChain, type TestChain } from './testing';

const url = process.env.TEST_DATABASE_URL;
const USDC = 1_000_000n;
const quiet = { log: () => undefined, leaseRetryMs: 100 };

if (!url) {
  describe('indexer leader on PostgreSQL', () => {
    it.skip('needs TEST_DATABASE_URL; skipped', () => undefined);
  });
} else {
  describe('indexer leader on PostgreSQL', () => {
    const schema = `indexer_leader_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
    let first: PostgresDatabase;
    let second: PostgresDatabase;
    let c: TestChain;
    let t: Trader;

    const trade = async (n: bigint) => {
      await setPrices(c, Object.fromEntries(FEED_IDS.map((f) => [f, GENESIS.prices[f]])) as Record<FeedId, bigint>);
      await send(c, [addLiquidityIx(c.world, t, 'ALP', 'USDC', (100n + n) * USDC)], [t.signer]);
      await send(c, [swapIx(c.world, t, 'USDC', 'SOL', (10n + n) * USDC)], [t.signer]);
    };

    beforeAll(async () => {
      first = await openPostgresDatabase(url, { schema, max: 6 });
      second = await openPostgresDatabase(url, { schema, max: 4 });
      c = await startTestChain({ db: first });
      t = await newTrader(c, { USDC: 10_000n * USDC });
    }, 180_000);

    afterAll(async () => {
      await c?.close();
      await second?.close();
      await first?.close();
      await dropPostgresSchema(url, schema);
    });

    it('one leads, the other follows and takes over when it stops', async () => {
      const a = startIndexer(c.runtime, first, quiet);
      await a.caughtUp;
      const b = startIndexer(c.runtime, second, quiet);
      await new Promise((r) => setTimeout(r, 400));
      expect(a.leading()).toBe(true);
      expect(b.leading()).toBe(false);
      await trade(0n);
      await a.flush();
      expect(b.stats().batches).toBe(0);
      await a.stop();
      await trade(1n);
      await b.caughtUp;
      expect(b.leading()).toBe(true);
      await trade(2n);
      await b.flush();
      expect(await indexedRowKeys(first)).toEqual(await expectedRowKeys(c));
      expect((await indexedRowKeys(first)).length).toBe(6);
      await b.stop();
    });
  });
}
