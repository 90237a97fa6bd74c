import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMemoryPglite, runMigrations, type PgliteDatabase } from '@/lib/db';
import { CandleWriter } from '@/lib/oracle/candle-writer';
import { latestCandles, readCandles } from '@/lib/oracle/candle-store';
import { candlesFromTicks, rollUpCandles } from '@/lib/oracle/candles';
import { HISTORY_DAYS, SimulatedSource } from '@/lib/oracle/simulated-source';
import type { Clock, OraclePrice } from '@/lib/oracle/types';

const NOW_S = 1_764_000_000; // a fixed engine time, 2025-11-24
const fixedClock = (nowS: number): Clock => ({ nowS: () => nowS, nowMs: () => nowS * 1000 });

const DAYS = 3;
let db: PgliteDatabase;

beforeAll(async () => {
  db = await openMemoryPglite();
  await runMigrations(db);
});

afterAll(async () => {
  await db.close();
});

describe('simulated history in candles_1m', () => {
  it('fills the history window of 1m candles at first start, then only the gap, continuing from the last close', async () => {
    expect(HISTORY_DAYS).toBe(30); // the server default; a 3-day window keeps this test fast on a shared machine
    const source = new SimulatedSource({ clock: fixedClock(NOW_S), seed: 7, tickMs: 1000, db, historyDays: DAYS });
    const first: OraclePrice[] = [];
    await source.start((p) => first.push(...p));
    await source.stop();
    const { rows } = await db.sql.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM candles_1m WHERE feed = 'SOL'`);
    expect(rows[0]?.n).toBe(DAYS * 1440);
    const latest = await latestCandles(db.sql);
    expect(latest.get('SOL')?.time).toBe(NOW_S - (NOW_S % 60) - 60);
    expect(latest.has('USDC')).toBe(false);
    // the first live price is the last historical close
    expect(first.find((p) => p.feed === 'SOL')?.price).toBe(latest.get('SOL')?.close);

    const later = new SimulatedSource({ clock: fixedClock(NOW_S + 600), seed: 7, tickMs: 1000, db, historyDays: DAYS });
    const resumed: OraclePrice[] = [];
    await later.start((p) => resumed.push(...p));
    await later.stop();
    const { rows: after } = await db.sql.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM candles_1m WHERE feed = 'SOL'`);
    expect(after[0]?.n).toBe(DAYS * 1440 + 10);
    const gap = await readCandles(db.sql, { feed: 'SOL', intervalS: 60, limit: 11, nowS: NOW_S + 600 });
    const boundary = gap.findIndex((c) => c.time === latest.get('SOL')?.time);
    expect(gap[boundary + 1]?.open).toBe(latest.get('SOL')?.close);
  });

  it('SQL roll-ups equal the reference roll-up for every interval', async () => {
    const endS = NOW_S - 1; // NOW_S is a whole hour: every bucket up to 1h ends at NOW_S
    const minutes = await readCandles(db.sql, { feed: 'BTC', intervalS: 60, limit: 1000, nowS: endS });
    expect(minutes).toHaveLength(1000);
    for (const c of minutes) expect(c.low <= c.open && c.open <= c.high && c.low <= c.close && c.close <= c.high).toBe(true);
    for (const intervalS of [300, 900, 3_600]) {
      const sql = await readCandles(db.sql, { feed: 'BTC', intervalS, limit: 10, nowS: endS });
      expect(sql).toHaveLength(10);
      const first = sql[0]?.time ?? 0;
      expect(sql).toEqual(rollUpCandles(minutes.filter((c) => c.time >= first), intervalS, 10));
    }
    const daily = await readCandles(db.sql, { feed: 'BTC', intervalS: 86_400, limit: 1000, nowS: NOW_S });
    expect(daily.length).toBeGreaterThanOrEqual(DAYS);
    expect(daily.length).toBeLessThanOrEqual(DAYS + 1);
  });
});

describe('CandleWriter', () => {
  it('stores hand-made ticks as 1m candles and widens an existing candle on upsert', async () => {
    const base = 1_600_000_020; // 20 s into a minute, far from the simulated history
    const ticks: OraclePrice[] = [
      { feed: 'XAG', price: 300n, publishTime: base },
      { feed: 'XAG', price: 320n, publishTime: base + 10 },
      { feed: 'XAG', price: 290n, publishTime: base + 30 },
      { feed: 'XAG', price: 310n, publishTime: base + 40 },
      { feed: 'XAG', price: 305n, publishTime: base + 100 },
    ];
    const writer = new CandleWriter(db);
    writer.record(ticks.slice(0, 2));
    await writer.flush();
    writer.record(ticks.slice(2));
    await writer.flush();
    const stored = await readCandles(db.sql, { feed: 'XAG', intervalS: 60, limit: 5, nowS: base + 100 });
    expect(stored).toEqual(candlesFromTicks(ticks));
    const fiveMinutes = await readCandles(db.sql, { feed: 'XAG', intervalS: 300, limit: 1, nowS: base + 100 });
    expect(fiveMinutes).toEqual(rollUpCandles(candlesFromTicks(ticks), 300));
  });
});
