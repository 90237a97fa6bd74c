/**
 * Issue 9, oracle faults: a built server with ORACLE=pyth reads the fake Hermes (tests/fake-hermes). The stream
 * drops and the server falls back to polling /latest, then reconnects; prices go stale (trading refused with 503
 * ORACLE_STALE, /api/health says stale) and fresh again (trading resumes); a >50% move is held for one update and
 * published only when the next update confirms it, while a lone outlier followed by a normal price is dropped
 * (lib/oracle/jump-guard.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSigner } from '@/lib/auth/sign-intent';
import type { HealthWire, MarketWire } from '@/lib/client/wire';
import { FEED_IDS, type FeedId } from '@/lib/math/ids';
import { GENESIS } from '@/lib/math/params';
import { PYTH_FEEDS } from '@/lib/oracle/pyth-feeds';
import { FakeHermes, type FakeQuote } from '../fake-hermes/server';
import { startServer, type BuiltServer } from './support/built-server';
import { act, codeOf, getJson, usd } from './support/http';

const MAX_PRICE_AGE_S = 4;
/** Prices in the 1e10 scale travel as Pyth mantissas with expo −10 (exact). */
const quote = (price: bigint, publishTime: number): FakeQuote => ({ price: price.toString(), expo: -10, publishTime });
const nowS = () => Math.floor(Date.now() / 1000);

describe('ORACLE=pyth against a misbehaving Hermes', () => {
  const hermes = new FakeHermes();
  const prices: Record<FeedId, bigint> = { ...GENESIS.prices };
  let server: BuiltServer | undefined;
  let dataDir = '';
  let pusher: ReturnType<typeof setInterval> | undefined;
  const trader = newSigner();

  const quotes = (feeds: readonly FeedId[] = FEED_IDS) =>
    Object.fromEntries(feeds.map((f) => [PYTH_FEEDS[f].id, quote(prices[f], nowS())]));
  /** A live feed: every feed republished twice a second (over the stream, and on /latest for polls). */
  const live = (on: boolean) => {
    if (pusher) clearInterval(pusher);
    pusher = on ? setInterval(() => hermes.push(quotes()), 500) : undefined;
  };
  const market = async (id: string) => {
    const all = await getJson<MarketWire[]>(server?.url ?? '', '/api/markets');
    return all.body.find((m) => m.id === id);
  };
  const openShort = () =>
    act(server?.url ?? '', trader, 'openPosition', {
      market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: usd(50), leverageBps: '20000', acceptablePrice: '0',
    });

  beforeAll(async () => {
    const hermesUrl = await hermes.listen();
    hermes.setQuotes(quotes());
    dataDir = await mkdtemp(path.join(tmpdir(), 'ledger-oracle-'));
    live(true);
    server = await startServer({ DATA_DIR: dataDir, DEVNET: '1', ORACLE: 'pyth', HERMES_URL: hermesUrl, MAX_PRICE_AGE_S: String(MAX_PRICE_AGE_S) });
  }, 180_000);

  afterAll(async () => {
    live(false);
    await server?.stop();
    await hermes.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('trades on live Pyth prices', async () => {
    await expect.poll(() => hermes.openStreams(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect((await act(server?.url ?? '', trader, 'faucet', { token: 'USDC', amount: usd(5_000) })).status).toBe(200);
    const opened = await openShort();
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const health = await getJson<HealthWire>(server?.url ?? '', '/api/health');
    expect(health.body.oracle).toEqual({ mode: 'pyth', stale: false });
  });

  it('polls /latest while the stream is down, then reconnects', async () => {
    const before = hermes.streamConnections;
    hermes.refuseStreams = true;
    hermes.dropStreams();
    prices.SOL = 1_520_000_000_000n;
    await expect.poll(async () => (await market('SOL'))?.price, { timeout: 20_000 }).toBe(prices.SOL.toString());
    expect(hermes.openStreams()).toBe(0);
    expect(hermes.requests.some((r) => r.path === '/v2/updates/price/latest')).toBe(true);

    hermes.refuseStreams = false;
    await expect.poll(() => hermes.streamConnections, { timeout: 45_000 }).toBeGreaterThan(before);
    await expect.poll(() => hermes.openStreams(), { timeout: 10_000 }).toBeGreaterThan(0);
    prices.SOL = 1_510_000_000_000n;
    await expect.poll(async () => (await market('SOL'))?.price, { timeout: 10_000 }).toBe(prices.SOL.toString());
  });

  it('refuses trading with 503 ORACLE_STALE while prices are stale, and resumes when they are fresh', async () => {
    live(false);
    await expect.poll(async () => (await getJson<HealthWire>(server?.url ?? '', '/api/health')).body.oracle.stale, { timeout: 20_000 }).toBe(true);
    const refused = await openShort();
    expect([refused.status, codeOf(refused)], server?.logs().slice(-3_000)).toEqual([503, 'ORACLE_STALE']);

    live(true);
    await expect.poll(async () => (await openShort()).status, { timeout: 20_000, interval: 500 }).toBe(200);
    expect((await getJson<HealthWire>(server?.url ?? '', '/api/health')).body.oracle.stale).toBe(false);
  });

  it('holds a >50% jump until the next update confirms it, and drops a lone outlier', async () => {
    live(false);
    const base = (await market('SOL'))?.price ?? '';
    const marker = async () => {
      // A small BTC move in the same message shows the update was processed.
      prices.BTC += 10_000_000_000n;
      return prices.BTC.toString();
    };

    // An outlier (×0.4), then a normal price: the outlier is never published.
    const outlier = BigInt(base) * 4n / 10n;
    prices.SOL = outlier;
    let btc = await marker();
    hermes.push(quotes(['SOL', 'BTC']));
    await expect.poll(async () => (await market('BTC'))?.price, { timeout: 10_000 }).toBe(btc);
    expect((await market('SOL'))?.price).toBe(base);
    prices.SOL = BigInt(base) + 10_000_000n;
    btc = await marker();
    hermes.push(quotes(['SOL', 'BTC']));
    await expect.poll(async () => (await market('SOL'))?.price, { timeout: 10_000 }).toBe(prices.SOL.toString());

    // A real jump (×2.2): held once, published when the next update agrees.
    const jumped = (BigInt(base) * 22n) / 10n;
    prices.SOL = jumped;
    btc = await marker();
    hermes.push(quotes(['SOL', 'BTC']));
    await expect.poll(async () => (await market('BTC'))?.price, { timeout: 10_000 }).toBe(btc);
    expect((await market('SOL'))?.price).toBe((BigInt(base) + 10_000_000n).toString());
    prices.SOL = jumped + 20_000_000n;
    hermes.push(quotes(['SOL']));
    await expect.poll(async () => (await market('SOL'))?.price, { timeout: 10_000 }).toBe(prices.SOL.toString());
  });
});
