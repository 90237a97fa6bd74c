/**
 * The read routes, the quote, and the local-network controls, in-process over one PGlite whose oracle ages like a
 * live one (so ORACLE_STALE can be provoked by moving the clock) and a clock that starts on a Wednesday.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountWire, HealthWire, HistoryEventWire, MarketWire, OpenQuoteWire, PoolWire } from '@/lib/client/wire';
import { newSigner } from '@/lib/auth/sign-intent';
import { encodeBase58 } from '@/lib/auth/base58';
import * as healthRoute from '@/app/api/health/route';
import * as marketsRoute from '@/app/api/markets/route';
import * as poolsRoute from '@/app/api/pools/route';
import * as accountsRoute from '@/app/api/accounts/[owner]/route';
import * as historyRoute from '@/app/api/history/[owner]/route';
import * as quoteRoute from '@/app/api/quote/open/route';
import * as pricesRoute from '@/app/api/dev/prices/route';
import * as clockRoute from '@/app/api/dev/clock/route';
import { BACKENDS, DEFAULT_PRICES, START_MS, startHarness, stateDigest, type Harness } from './harness';
import { act, errorOf, get, post } from './client';

const usdc = (dollars: number) => (BigInt(dollars) * 1_000_000n).toString();
const quoteBody = { market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: usdc(100), leverageBps: '100000' };
const quote = (body: unknown = quoteBody) => post<OpenQuoteWire>(quoteRoute.POST as never, '/api/quote/open', body);
const advance = (advanceSeconds: unknown) => post<{ nowS: number }>(clockRoute.POST as never, '/api/dev/clock', { advanceSeconds });
const setPrices = (body: unknown) => post(pricesRoute.POST as never, '/api/dev/prices', body);

describe.each(BACKENDS)('read routes and dev controls on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ backend, aging: true });
  });
  afterAll(async () => {
    await h.close();
  });

  it('GET /api/health', async () => {
    const a = await get<HealthWire>(healthRoute.GET as never, '/api/health');
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ ok: true, oracle: { mode: 'manual', stale: false }, db: h.db.kind, devnet: true });
  });

  it('GET /api/markets lists every market with decimal strings', async () => {
    const a = await get<MarketWire[]>(marketsRoute.GET as never, '/api/markets');
    expect(a.status).toBe(200);
    expect(a.body.map((m) => m.id)).toEqual(['SOL', 'BTC', 'BONK', 'XAU', 'XAG', 'WTI']);
    const sol = a.body[0];
    expect(sol).toMatchObject({ pool: 'ALP', price: DEFAULT_PRICES.SOL.toString(), maxInitialLeverageBps: '1000000', open: true });
    for (const m of a.body) for (const key of ['price', 'low', 'high', 'maxPositionUsd', 'openInterestLongUsd', 'borrowRateLongHourly'] as const) {
      expect(m[key]).toMatch(/^\d+$/);
    }
  });

  it('GET /api/pools shows the genesis liquidity', async () => {
    const a = await get<PoolWire[]>(poolsRoute.GET as never, '/api/pools');
    expect(a.status).toBe(200);
    const rwalp = a.body.find((p) => p.id === 'RWALP');
    expect(rwalp).toMatchObject({ lpSupply: usdc(1_000_000), custodies: [{ token: 'USDC', owned: usdc(1_000_000), locked: '0' }] });
  });

  it('GET /api/accounts/{owner}: an unknown wallet has zero balances; a bad owner is 400 INVALID_OWNER', async () => {
    const owner = newSigner().owner;
    const a = await get<AccountWire>(accountsRoute.GET as never, `/api/accounts/${owner}`, { owner });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ owner, balances: { USDC: '0', SOL: '0', WBTC: '0', BONK: '0' }, lp: { ALP: '0', RWALP: '0' }, positions: [], orders: [] });
    for (const bad of ['not-base58-0OIl', encodeBase58(new Uint8Array(31).fill(1)), 'x'.repeat(200), '']) {
      const r = await get(accountsRoute.GET as never, `/api/accounts/${encodeURIComponent(bad)}`, { owner: bad });
      expect(errorOf(r)).toMatchObject({ status: 400, code: 'INVALID_OWNER' });
      const hr = await get(historyRoute.GET as never, `/api/history/${encodeURIComponent(bad)}`, { owner: bad });
      expect(errorOf(hr)).toMatchObject({ status: 400, code: 'INVALID_OWNER' });
    }
  });

  it('GET /api/history/{owner} lists what the wallet did; limit is checked', async () => {
    const alice = newSigner();
    expect((await act(alice, 'faucet', { token: 'USDC', amount: usdc(1_000) })).status).toBe(200);
    const position = await act<{ id: string }>(alice, 'openPosition', { ...quoteBody, acceptablePrice: '0' });
    expect(position.status).toBe(200);
    expect((await act(alice, 'closePosition', { positionId: position.body.id, acceptablePrice: (DEFAULT_PRICES.SOL * 2n).toString() })).status).toBe(200);
    const a = await get<HistoryEventWire[]>(historyRoute.GET as never, `/api/history/${alice.owner}`, { owner: alice.owner });
    expect(a.status).toBe(200);
    const closed = a.body.find((e) => e.kind === 'closed');
    expect(closed).toMatchObject({ owner: alice.owner, market: 'SOL', side: 'short' });
    expect(closed?.realizedPnlUsd).toMatch(/^-?\d+$/);
    const limited = await get<HistoryEventWire[]>(historyRoute.GET as never, `/api/history/${alice.owner}?limit=1`, { owner: alice.owner });
    expect(limited.body).toHaveLength(1);
    for (const bad of ['0', '501', '1e2', '-1', 'abc']) {
      const r = await get(historyRoute.GET as never, `/api/history/${alice.owner}?limit=${bad}`, { owner: alice.owner });
      expect(errorOf(r)).toMatchObject({ status: 400, code: 'INVALID_REQUEST' });
    }
  });

  it('POST /api/quote/open answers the open and refuses like the action', async () => {
    const a = await quote();
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ collateralUsd: usdc(100), sizeUsd: usdc(1_000), entryPrice: DEFAULT_PRICES.SOL.toString(), exitFeeUsd: usdc(1) });
    expect(Object.keys(a.body)).toEqual(expect.arrayContaining(['liquidationPrice', 'openFeeUsd', 'liquidationFeeUsd', 'borrowRateHourly', 'lockAmount']));
    expect(errorOf(await quote({ ...quoteBody, leverageBps: '1000001' }))).toMatchObject({ status: 422, code: 'LEVERAGE_TOO_HIGH' });
    expect(errorOf(await quote({ ...quoteBody, leverageBps: 100000 }))).toMatchObject({ status: 400, code: 'INVALID_REQUEST' });
    expect(errorOf(await quote({ ...quoteBody, market: 'ETH' }))).toMatchObject({ status: 400, code: 'UNKNOWN_MARKET' });
  });

  it('POST /api/dev/prices sets prices the markets then show; bad bodies are 400', async () => {
    const a = await setPrices({ SOL: '1600000000000' });
    expect(a.status).toBe(200);
    const markets = await get<MarketWire[]>(marketsRoute.GET as never, '/api/markets');
    expect(markets.body[0]?.price).toBe('1600000000000');
    expect(errorOf(await setPrices({ WBTC: '1' }))).toMatchObject({ status: 400, code: 'UNKNOWN_FEED' });
    expect(errorOf(await setPrices({ SOL: 160 }))).toMatchObject({ status: 400, code: 'INVALID_REQUEST' });
    expect(errorOf(await setPrices({}))).toMatchObject({ status: 400, code: 'INVALID_REQUEST' });
    await setPrices({ SOL: DEFAULT_PRICES.SOL.toString() });
  });

  it('answers 403 DEVNET_DISABLED on the dev routes when the local network is off, changing nothing', async () => {
    const digest = await stateDigest(h.db);
    h.useDevnet(false);
    try {
      expect(errorOf(await setPrices({ SOL: '1' }))).toMatchObject({ status: 403, code: 'DEVNET_DISABLED' });
      expect(errorOf(await advance(3600))).toMatchObject({ status: 403, code: 'DEVNET_DISABLED' });
    } finally {
      h.useDevnet(true);
    }
    expect(await stateDigest(h.db)).toEqual(digest);
    expect(h.oracle.getPrice('SOL')?.price).toBe(DEFAULT_PRICES.SOL);
  });

  it('POST /api/dev/clock moves the clock; a stale oracle then answers 503 until prices are set again', async () => {
    expect(errorOf(await advance(0))).toMatchObject({ status: 400 });
    expect(errorOf(await advance('1.5'))).toMatchObject({ status: 400 });
    const moved = await advance(60);
    expect(moved.status).toBe(200);
    expect(moved.body.nowS).toBe(START_MS / 1000 + 60);
    expect(errorOf(await quote())).toMatchObject({ status: 503, code: 'ORACLE_STALE' });
    const health = await get<HealthWire>(healthRoute.GET as never, '/api/health');
    expect(health.body.oracle.stale).toBe(true);
    expect((await setPrices(Object.fromEntries(Object.entries(DEFAULT_PRICES).map(([k, v]) => [k, v.toString()])))).status).toBe(200);
    expect((await quote()).status).toBe(200);
  });

  it('answers 503 MARKET_CLOSED for an RWA market over the weekend', async () => {
    // Wednesday 12:00 + 60 s → Saturday 12:00.
    expect((await advance('259140')).status).toBe(200);
    await setPrices(Object.fromEntries(Object.entries(DEFAULT_PRICES).map(([k, v]) => [k, v.toString()])));
    expect(errorOf(await quote({ ...quoteBody, market: 'XAU' }))).toMatchObject({ status: 503, code: 'MARKET_CLOSED' });
    const markets = await get<MarketWire[]>(marketsRoute.GET as never, '/api/markets');
    expect(markets.body.find((m) => m.id === 'XAU')?.open).toBe(false);
    expect((await quote()).status).toBe(200);
  });
});

describe('unknown API paths', () => {
  it('answer a JSON 404', async () => {
    const catchAll = await import('@/app/api/[...path]/route');
    const a = await get(catchAll.GET as never, '/api/nope/deeper');
    expect(errorOf(a)).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});
