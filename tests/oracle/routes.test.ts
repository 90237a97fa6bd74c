import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getCandles } from '@/app/api/candles/route';
import { GET as getStream } from '@/app/api/stream/route';
import type { ApiErrorBody, CandleWire } from '@/lib/client/wire';
import { loadConfig } from '@/lib/config/env';
import { openMemoryPglite, runMigrations, type PgliteDatabase } from '@/lib/db';
import { DevClock } from '@/lib/server/dev-clock';
import { createOracle } from '@/lib/oracle/create-oracle';
import { setServicesForTests } from '@/lib/server/services';

const WALL_MS = 1_764_000_030_000; // 30 s into a minute
let db: PgliteDatabase;
let oracle: ReturnType<typeof createOracle>;

beforeAll(async () => {
  db = await openMemoryPglite();
  await runMigrations(db);
  const config = loadConfig({ ORACLE: 'manual' });
  const clock = new DevClock(() => WALL_MS);
  oracle = createOracle(config, { db, clock });
  setServicesForTests({ config, db, oracle, clock });
  await oracle.start();
});

afterAll(async () => {
  setServicesForTests(undefined);
  await oracle.stop();
  await db.close();
});

const candles = (query: string) => getCandles(new Request(`http://test/api/candles?${query}`), undefined);

describe('GET /api/candles', () => {
  it('serves the ticks of the oracle as live 1m candles, decimal strings', async () => {
    oracle.setManualPrices({ SOL: 1_600_000_000_000n }, 1_764_000_040);
    oracle.setManualPrices({ SOL: 1_400_000_000_000n }, 1_764_000_050);
    const minute = { time: 1_764_000_000, open: '1500000000000', high: '1600000000000', low: '1400000000000', close: '1400000000000' };
    await expect
      .poll(async () => ((await (await candles('market=SOL&interval=1m&limit=5')).json()) as CandleWire[]).at(-1))
      .toEqual(minute);
    const hourly = (await (await candles('market=SOL&interval=1h')).json()) as CandleWire[];
    expect(hourly).toEqual([minute]); // 1_764_000_000 is a whole hour
  });

  it('answers 400 with {error:{code,message}} on a bad market, interval or limit', async () => {
    for (const [query, code] of [
      ['market=DOGE', 'UNKNOWN_MARKET'],
      ['market=SOL&interval=3m', 'INVALID_INTERVAL'],
      ['market=SOL&limit=5000', 'INVALID_LIMIT'],
    ] as const) {
      const response = await candles(query);
      expect(response.status).toBe(400);
      const body = (await response.json()) as ApiErrorBody;
      expect(body.error.code).toBe(code);
      expect(body.error.message.length).toBeGreaterThan(10);
    }
  });
});

describe('GET /api/stream', () => {
  it('without a chain, delivers the oracle\'s prices to a real reader and cleans up on abort', async () => {
    const abort = new AbortController();
    const response = await getStream(new Request('http://test/api/stream', { signal: abort.signal }));
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      return text.includes(needle);
    };
    expect(await readUntil('event: price\ndata: {"feed":"SOL"')).toBe(true);
    oracle.setManualPrices({ XAU: 27_000_000_000_000n }, 1_764_000_055);
    expect(await readUntil('"feed":"XAU","price":"27000000000000","publishTime":1764000055')).toBe(true);
    abort.abort();
    await expect(reader.read()).resolves.toMatchObject({ done: true });
  });
});
