/**
 * The first answers a page renders (first-answers.ts) never hold it: nothing while the services start or where this
 * process runs no chain, nothing when a read fails or outlasts READ_BUDGET_MS; otherwise what the browser's fetcher
 * would have decoded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { queryKeys } from '@/lib/hooks/query-keys';
import { dayCandleAnswers, marketAndPoolAnswers, READ_BUDGET_MS } from './first-answers';
import { setServicesForTests, type Services } from './services';

const NOW_S = 1_700_000_000;
const row = { time: NOW_S - (NOW_S % 3_600), open: '1320000000000', high: '1359000000000', low: '1296600000000', close: '1323000000000' };

function fakeServices(query: () => Promise<{ rows: unknown[] }>, chain?: Services['chain']): Services {
  return { db: { sql: { query } }, clock: { nowS: () => NOW_S }, chain } as unknown as Services;
}

afterEach(() => setServicesForTests(undefined));

describe('first answers', () => {
  it('are none while the services have not started (never starts them: a page prerendered by next build)', async () => {
    expect(await marketAndPoolAnswers()).toEqual([]);
    expect(await dayCandleAnswers('SOL')).toEqual([]);
  });

  it('are none where this process runs no chain', async () => {
    setServicesForTests(fakeServices(async () => ({ rows: [] })));
    expect(await marketAndPoolAnswers()).toEqual([]);
  });

  it('are none when the read fails', async () => {
    setServicesForTests(fakeServices(() => Promise.reject(new Error('database gone'))));
    expect(await dayCandleAnswers('SOL')).toEqual([]);
  });

  it('are none when the read outlasts the budget', async () => {
    setServicesForTests(fakeServices(() => new Promise((r) => setTimeout(() => r({ rows: [row] }), READ_BUDGET_MS + 200))));
    // The read would answer a candle, later than the budget: the page renders without it.
    expect(await dayCandleAnswers('SOL')).toEqual([]);
  });

  it('hold the day candles as the browser decodes them, under the key the market bar reads', async () => {
    setServicesForTests(fakeServices(async () => ({ rows: [row] })));
    const [entry, ...rest] = await dayCandleAnswers('BTC');
    expect(rest).toEqual([]);
    expect(entry?.queryKey).toEqual(queryKeys.candles('BTC', '1h', 24));
    expect(entry?.data).toEqual([{ time: row.time, open: 1_320_000_000_000n, high: 1_359_000_000_000n, low: 1_296_600_000_000n, close: 1_323_000_000_000n }]);
  });
});
