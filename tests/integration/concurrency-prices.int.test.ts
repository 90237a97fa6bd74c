/**
 * Issue 9, concurrency under moving prices: two `next start` instances on one PostgreSQL database take 500 mixed
 * actions (opens, partial and full closes, collateral added and removed, LP deposits and withdrawals, swaps both
 * ways) from 50 wallets, spread over both instances, while prices move on both (POST /api/dev/prices, so keepers
 * liquidate and trigger along the way). Nothing answers 5xx and, once quiet, the ledger checker (lib/ledger) finds
 * every token conserved, every lock and collateral accounted for, and nothing negative.
 * (two-instances.int.test.ts covers the same-position double close and a price-free burst.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSigner, type Signer } from '@/lib/auth/sign-intent';
import type { AccountWire } from '@/lib/client/wire';
import { startServer, type BuiltServer } from './support/built-server';
import { createDatabase, ledgerOf, TEST_DATABASE_URL } from './support/databases';
import { act, getJson, postJson, usd, type Answer } from './support/http';

const WALLETS = 50;
const ACTIONS = 500;
const IN_FLIGHT = 24;
const PRICE_EVERY = 20;
const HUGE = (10n ** 30n).toString();

if (!TEST_DATABASE_URL) console.warn('concurrency-prices.int: SKIPPED (set TEST_DATABASE_URL to a PostgreSQL server to run it)');

describe.skipIf(!TEST_DATABASE_URL)('500 mixed actions on two instances while prices move', () => {
  let database: Awaited<ReturnType<typeof createDatabase>> | undefined;
  let servers: BuiltServer[] = [];
  const wallets: Signer[] = Array.from({ length: WALLETS }, () => newSigner());
  const on = (i: number) => servers[i % servers.length]?.url ?? '';

  beforeAll(async () => {
    database = await createDatabase('ledger_conc');
    const env = { DATABASE_URL: database.url, DEVNET: '1', ORACLE: 'manual' };
    servers = await Promise.all([startServer(env), startServer(env)]);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.drop();
  });

  /** A deterministic walk: SOL and BTC move up to ±4% per step (seeded, so a failure replays). */
  let seed = 9;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const prices = { SOL: 1_500_000_000_000n, BTC: 950_000_000_000_000n };
  async function movePrices(): Promise<Answer[]> {
    for (const feed of ['SOL', 'BTC'] as const) prices[feed] = (prices[feed] * BigInt(9_600 + Math.floor(rand() * 800))) / 10_000n;
    const body = { SOL: prices.SOL.toString(), BTC: prices.BTC.toString() };
    return Promise.all(servers.map((s) => postJson(s.url, '/api/dev/prices', body)));
  }

  async function account(base: string, owner: string): Promise<AccountWire> {
    const a = await getJson<AccountWire>(base, `/api/accounts/${owner}`);
    if (a.status !== 200) throw new Error(`GET account ${a.status}`);
    return a.body;
  }

  /** Action `i`: its kind by i mod 10; reads the wallet first when it needs a position or LP tokens. */
  async function step(i: number): Promise<Answer[]> {
    const base = on(i);
    const w = wallets[i % WALLETS] as Signer;
    const kind = Math.floor(i / WALLETS) % 10;
    const mine = async () => account(on(i + 1), w.owner);
    switch ((kind + i) % 10) {
      case 0:
        return [await act(base, w, 'openPosition', { market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: usd(100), leverageBps: '100000', acceptablePrice: '0' })];
      case 1:
        return [await act(base, w, 'openPosition', { market: 'SOL', side: 'long', collateralToken: 'USDC', collateralAmount: usd(80), leverageBps: '150000', acceptablePrice: HUGE })];
      case 2:
        return [await act(base, w, 'openPosition', { market: 'BTC', side: 'long', collateralToken: 'USDC', collateralAmount: usd(60), leverageBps: '50000', acceptablePrice: HUGE })];
      case 3: {
        const p = (await mine()).positions[0];
        if (!p) return [];
        const acceptablePrice = p.side === 'long' ? '0' : HUGE;
        return [await act(base, w, 'closePosition', { positionId: p.id, fractionBps: i % 2 === 0 ? '10000' : '5000', acceptablePrice })];
      }
      case 4: {
        const p = (await mine()).positions[0];
        if (!p) return [];
        const amount = p.collateralToken === 'USDC' ? usd(20) : '100000000';
        return [await act(base, w, 'addCollateral', { positionId: p.id, amount })];
      }
      case 5: {
        const p = (await mine()).positions[0];
        if (!p) return [];
        return [await act(base, w, 'removeCollateral', { positionId: p.id, amountUsd: (BigInt(p.collateralUsd) / 10n).toString() })];
      }
      case 6:
        return [await act(base, w, 'addLiquidity', { pool: i % 3 === 0 ? 'RWALP' : 'ALP', token: 'USDC', amount: usd(150), minLpOut: '0' })];
      case 7: {
        const a = await mine();
        const pool = BigInt(a.lp.ALP) > 0n ? 'ALP' : 'RWALP';
        const lp = BigInt(a.lp[pool]) / 2n;
        if (lp === 0n) return [];
        return [await act(base, w, 'removeLiquidity', { pool, token: 'USDC', lpAmount: lp.toString(), minAmountOut: '0' })];
      }
      case 8:
        return [await act(base, w, 'swap', { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'SOL', amountIn: usd(50), minAmountOut: '0' })];
      default: {
        const sol = BigInt((await mine()).balances.SOL) / 2n;
        if (sol === 0n) return [await act(base, w, 'swap', { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'WBTC', amountIn: usd(40), minAmountOut: '0' })];
        return [await act(base, w, 'swap', { pool: 'ALP', tokenIn: 'SOL', tokenOut: 'USDC', amountIn: sol.toString(), minAmountOut: '0' })];
      }
    }
  }

  it('answers no 5xx and leaves a ledger that balances', async () => {
    const funded = await Promise.all(wallets.map((w, i) => act(on(i), w, 'faucet', { token: 'USDC', amount: usd(10_000) })));
    expect(funded.map((a) => a.status)).toEqual(wallets.map(() => 200));

    const answers: Answer[] = [];
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < ACTIONS; i = next++) {
        if (i % PRICE_EVERY === 0) answers.push(...(await movePrices()));
        answers.push(...(await step(i)));
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));

    const serverErrors = answers.filter((a) => a.status >= 500).map((a) => `${a.status} ${JSON.stringify(a.body)}`);
    const accepted = answers.filter((a) => a.status === 200).length;
    const health = await Promise.all(servers.map((s) => getJson<{ ok: boolean }>(s.url, '/api/health')));
    expect(health.map((h) => h.status)).toEqual([200, 200]);

    // The checker reads one snapshot (REPEATABLE READ), so keepers still settling the last move cannot fool it.
    const ledger = await ledgerOf(database?.url ?? '');
    expect(ledger.ok, ledger.text).toBe(true);
    console.info(`concurrency-prices: ${accepted} of ${answers.length} requests accepted\n${ledger.text}`);
    // On failure, what the servers logged about each 5xx (deduplicated) says whether it was a crash or a mapping slip.
    const logged = [...new Set(servers.flatMap((s) => s.logs().split('\n').filter((l) => l.includes('unexpected error'))))];
    expect(serverErrors.slice(0, 20), logged.slice(0, 20).join('\n')).toEqual([]);
    // The burst must exercise the engine, not only its refusals.
    expect(accepted).toBeGreaterThan(ACTIONS / 2);
  });
});
