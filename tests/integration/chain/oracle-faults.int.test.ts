/**
 * Issue 15, oracle faults on the chain path: a built server with ORACLE=pyth reads the fake Hermes
 * (tests/fake-hermes) and writes its prices on chain through the oracle authority's transactions.
 * - Prices reach the chain: the feed's price account (read through /api/rpc) and GET /api/markets (read from the
 *   chain's accounts) carry Hermes' price and publish time, also while the stream is refused and the server polls
 *   /latest; a lone >50% outlier never reaches the chain (lib/oracle/jump-guard).
 * - Hermes goes silent past MAX_PRICE_AGE_S: `POST /api/transactions/openPosition` answers 503 ORACLE_STALE, and
 *   a transaction built while prices were fresh is refused by the program itself with ORACLE_STALE's custom error
 *   number (sent with skipPreflight: it fails on chain and opens nothing).
 * - Hermes resumes: opens are built, signed, sent and confirmed again.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import bs58 from 'bs58';
import type { KeyPairSigner } from '@solana/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeConfig, decodePrice } from '@/lib/chain/accounts';
import { ACCOUNT_LEN, DISCRIMINATOR } from '@/lib/chain/tags';
import { FEED_IDS, type FeedId } from '@/lib/math/ids';
import { GENESIS } from '@/lib/math/params';
import { PYTH_FEEDS } from '@/lib/oracle/pyth-feeds';
import { FakeHermes, type FakeQuote } from '../../fake-hermes/server';
import {
  act,
  buildTx,
  chainInfo,
  codeOf,
  faucet,
  getJson,
  newWallet,
  rpc,
  signatureStatuses,
  signWire,
  startChainServer,
  usd,
  type BuiltServer,
  type ChainInfo,
  type TxAnswer,
} from './support';

const MAX_PRICE_AGE_S = 4;
/** Prices in the 1e10 scale travel as Pyth mantissas with expo −10 (exact). */
const quote = (price: bigint, publishTime: number): FakeQuote => ({ price: price.toString(), expo: -10, publishTime });
const nowS = () => Math.floor(Date.now() / 1000);

interface MarketRow {
  id: string;
  price: string;
}

describe('ORACLE=pyth on chain against a misbehaving Hermes', () => {
  const hermes = new FakeHermes();
  const prices: Record<FeedId, bigint> = { ...GENESIS.prices };
  const published: Partial<Record<FeedId, number>> = {};
  let server: BuiltServer | undefined;
  let dataDir = '';
  let info: ChainInfo;
  let pusher: ReturnType<typeof setInterval> | undefined;
  let trader: KeyPairSigner;
  const base = () => server?.url ?? '';

  const quotes = (feeds: readonly FeedId[] = FEED_IDS) =>
    Object.fromEntries(
      feeds.map((f) => {
        published[f] = nowS();
        return [PYTH_FEEDS[f].id, quote(prices[f], published[f])];
      }),
    );
  /** A live feed: every feed republished twice a second (over the stream, and on /latest for polls). */
  const live = (on: boolean) => {
    if (pusher) clearInterval(pusher);
    pusher = on ? setInterval(() => hermes.push(quotes()), 500) : undefined;
  };
  const onChain = async (feed: FeedId) => {
    const account = await rpc<{ value: { data: [string, string]; owner: string } | null }>(base(), 'getAccountInfo', [info.oracles[feed], { encoding: 'base64' }]);
    if (!account.value) throw new Error(`no price account for ${feed}`);
    expect(account.value.owner).toBe(info.programId);
    return decodePrice(new Uint8Array(Buffer.from(account.value.data[0], 'base64')));
  };
  const marketPrice = async (id: string) => (await getJson<MarketRow[]>(base(), '/api/markets')).body.find((m) => m.id === id)?.price;
  const openParams = { market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: usd(50), leverageBps: '20000', acceptablePrice: '0' };
  const positionsOf = async (owner: string) =>
    rpc<unknown[]>(base(), 'getProgramAccounts', [
      info.programId,
      { encoding: 'base64', filters: [{ dataSize: ACCOUNT_LEN.position }, { memcmp: { offset: 8, bytes: owner } }] },
    ]);

  beforeAll(async () => {
    const hermesUrl = await hermes.listen();
    hermes.setQuotes(quotes());
    live(true);
    dataDir = await mkdtemp(path.join(tmpdir(), 'chain-oracle-'));
    server = await startChainServer({ DATA_DIR: dataDir, ORACLE: 'pyth', HERMES_URL: hermesUrl, MAX_PRICE_AGE_S: String(MAX_PRICE_AGE_S) });
    info = await chainInfo(base());
    trader = await newWallet();
    expect((await faucet(base(), trader.address)).status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    live(false);
    await server?.stop();
    await hermes.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("puts Hermes' prices on chain: the price account and GET /api/markets carry them", async () => {
    await expect.poll(() => hermes.openStreams(), { timeout: 20_000 }).toBeGreaterThan(0);
    prices.SOL = 1_523_400_000_000n;
    await expect.poll(async () => (await onChain('SOL')).price, { timeout: 20_000 }).toBe(prices.SOL);
    const account = await onChain('SOL');
    expect(Number(account.publishTime)).toBeGreaterThan(nowS() - 60);
    expect(await marketPrice('SOL')).toBe(prices.SOL.toString());
    expect((await onChain('BTC')).price).toBe(prices.BTC);
    const health = await getJson<{ oracle: unknown }>(base(), '/api/health');
    expect(health.body.oracle).toEqual({ mode: 'pyth', stale: false });
  });

  it('trades on live prices: an open built, signed, sent and confirmed', async () => {
    const opened = await act(base(), trader, 'openPosition', openParams);
    expect(opened.accounts.position).toBeDefined();
    expect(await positionsOf(trader.address)).toHaveLength(1);
  });

  it('never writes a lone >50% outlier on chain', async () => {
    live(false);
    const before = (await onChain('SOL')).price;
    prices.SOL = (before * 4n) / 10n;
    prices.BTC += 10_000_000_000n; // a small BTC move in the same update shows it was processed
    hermes.push(quotes(['SOL', 'BTC']));
    await expect.poll(async () => (await onChain('BTC')).price, { timeout: 20_000 }).toBe(prices.BTC);
    expect((await onChain('SOL')).price).toBe(before);
    prices.SOL = before + 10_000_000n;
    hermes.push(quotes(['SOL']));
    await expect.poll(async () => (await onChain('SOL')).price, { timeout: 20_000 }).toBe(prices.SOL);
    live(true);
  });

  it('keeps prices flowing to the chain from /latest while the stream is refused', async () => {
    hermes.refuseStreams = true;
    hermes.dropStreams();
    prices.SOL = 1_519_000_000_000n;
    await expect.poll(async () => (await onChain('SOL')).price, { timeout: 30_000 }).toBe(prices.SOL);
    expect(hermes.openStreams()).toBe(0);
    expect(hermes.requests.some((r) => r.path === '/v2/updates/price/latest')).toBe(true);
    hermes.refuseStreams = false;
  });

  // BUG (reported): the local deployment initialises the program's config with maxPriceAgeS 30 whatever
  // MAX_PRICE_AGE_S says (lib/deployment/local.ts), so the chain (and the builder, which reads the config) refuses
  // only after 30 s while /api/health calls the prices stale after MAX_PRICE_AGE_S. Remove `.fails` once fixed.
  it('configures the program with MAX_PRICE_AGE_S as its staleness limit', async () => {
    const configs = await rpc<{ account: { data: [string, string] } }[]>(base(), 'getProgramAccounts', [
      info.programId,
      { encoding: 'base64', filters: [{ memcmp: { offset: 0, bytes: bs58.encode(new TextEncoder().encode(DISCRIMINATOR.config)) } }] },
    ]);
    expect(configs).toHaveLength(1);
    const config = decodeConfig(new Uint8Array(Buffer.from(configs[0]?.account.data[0] ?? '', 'base64')));
    expect(config.maxPriceAgeS).toBe(BigInt(MAX_PRICE_AGE_S));
  });

  it('refuses opens with ORACLE_STALE once Hermes is silent past MAX_PRICE_AGE_S: the builder (503) and the program', async () => {
    // Built and signed while prices are fresh, sent once they are stale.
    const held = await buildTx(base(), 'openPosition', trader.address, { ...openParams, side: 'long' });
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    const { signature, wire } = await signWire(trader, (held.body as TxAnswer).transaction);

    live(false);
    await expect.poll(async () => codeOf(await buildTx(base(), 'openPosition', trader.address, openParams)), { timeout: 60_000, interval: 500 }).toBe('ORACLE_STALE');
    const refused = await buildTx(base(), 'openPosition', trader.address, openParams);
    expect([refused.status, codeOf(refused)]).toEqual([503, 'ORACLE_STALE']);
    expect((await getJson<{ oracle: { stale: boolean } }>(base(), '/api/health')).body.oracle.stale).toBe(true);

    const stale = info.errors.find((e) => e.code === 'ORACLE_STALE')?.number;
    expect(stale).toEqual(expect.any(Number));
    const sim = await rpc<{ value: { err: unknown; logs: string[] } }>(base(), 'simulateTransaction', [wire, { encoding: 'base64', replaceRecentBlockhash: true }]);
    expect(sim.value.err).toEqual({ InstructionError: [expect.any(Number), { Custom: stale }] });
    expect(sim.value.logs.some((l) => l.includes('ORACLE_STALE'))).toBe(true);

    // Past preflight, the program refuses it on chain: a failed transaction that opened nothing.
    expect(await rpc<string>(base(), 'sendTransaction', [wire, { encoding: 'base64', skipPreflight: true }])).toBe(signature);
    const [status] = await signatureStatuses(base(), [signature]);
    expect(status?.err).toEqual({ InstructionError: [expect.any(Number), { Custom: stale }] });
    expect(await positionsOf(trader.address)).toHaveLength(1);
  });

  it('trades again when Hermes resumes', async () => {
    live(true);
    await expect.poll(async () => (await buildTx(base(), 'openPosition', trader.address, { ...openParams, side: 'long' })).status, { timeout: 30_000, interval: 500 }).toBe(200);
    const opened = await act(base(), trader, 'openPosition', { ...openParams, side: 'long' });
    expect(opened.status.err).toBeNull();
    expect(await positionsOf(trader.address)).toHaveLength(2);
    expect((await getJson<{ oracle: { stale: boolean } }>(base(), '/api/health')).body.oracle.stale).toBe(false);
  });
});
