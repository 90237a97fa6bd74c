import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '@/lib/db';
import { dropPostgresSchema, openPostgresDatabase, type PostgresDatabase } from '@/lib/db/postgres';
import { latestCandles, readCandles } from '@/lib/oracle/candle-store';
import { rollUpCandles } from '@/lib/oracle/candles';
import { readPriceMarks } from '@/lib/oracle/price-marks-store';
import { SimulatedSource } from '@/lib/oracle/simulated-source';
import type { Clock, OraclePrice } from '@/lib/oracle/types';

const url = process.env.TEST_DATABASE_URL;
const clock: Clock = { nowS: () => Math.floor(Date.now() / 1000), nowMs: () => Date.now() };

describe.skipIf(url === undefined)('simulated walk shared by two instances on PostgreSQL', () => {
  const schema = `oracle_test_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  let dbA: PostgresDatabase;
  let dbB: PostgresDatabase;

  beforeAll(async () => {
    dbA = await openPostgresDatabase(url!, { schema, max: 3 });
    await runMigrations(dbA);
    dbB = await openPostgresDatabase(url!, { schema, max: 3 });
  });

  afterAll(async () => {
    await dbA?.close();
    await dbB?.close();
    await dropPostgresSchema(url!, schema);
  });

  it('one instance walks, the other follows its prices, and takes over when the leader stops', async () => {
    const options = { clock, seed: 3, tickMs: 50, historyDays: 1, leaseRetryMs: 50 };
    const a = new SimulatedSource({ ...options, db: dbA });
    const b = new SimulatedSource({ ...options, db: dbB });
    const seenB: { prices: OraclePrice[]; storeCandles: boolean }[] = [];
    await a.start(() => undefined);
    await b.start((prices, opts) => seenB.push({ prices: [...prices], storeCandles: opts?.storeCandles ?? true }));
    expect(a.isLeader()).toBe(true);
    expect(b.isLeader()).toBe(false);

    // B publishes exactly what A stored in price_marks, and does not store candles again
    await expect.poll(() => seenB.length).toBeGreaterThan(2);
    expect(seenB.every((s) => !s.storeCandles)).toBe(true);
    const marks = await readPriceMarks(dbA.sql);
    expect(marks.map((m) => m.feed).sort()).toEqual(['BONK', 'BTC', 'SOL', 'USDC', 'WTI', 'XAG', 'XAU']);

    await a.stop();
    await expect.poll(() => b.isLeader(), { timeout: 20_000 }).toBe(true);
    const before = seenB.length;
    await expect.poll(() => seenB.length).toBeGreaterThan(before + 2);
    expect(seenB.at(-1)?.storeCandles).toBe(true);
    await b.stop();
  });

  it('stores the history and rolls it up in SQL like the reference', async () => {
    const nowS = (await latestCandles(dbA.sql)).get('SOL')?.time ?? 0; // the last stored minute
    const minutes = await readCandles(dbA.sql, { feed: 'SOL', intervalS: 60, limit: 1000, nowS });
    expect(minutes).toHaveLength(1000);
    const hours = await readCandles(dbA.sql, { feed: 'SOL', intervalS: 3_600, limit: 5, nowS });
    expect(hours).toHaveLength(5);
    const first = hours[0]?.time ?? 0;
    expect(hours).toEqual(rollUpCandles(minutes.filter((c) => c.time >= first), 3_600, 5));
  });
});
