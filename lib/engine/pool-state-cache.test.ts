import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from './engine';
import { PoolStateCache } from './pool-state-cache';
import type { CustodyRow } from './store/rows';
import { createTestWorld, type TestWorld } from './test-support';

const USDC = 1_000_000n;
const price = (usd: number) => BigInt(Math.round(usd * 100)) * 100_000_000n;

const custody = (token: 'USDC' | 'SOL', owned: bigint): CustodyRow => ({
  pool: 'ALP',
  token,
  owned,
  locked: 0n,
  collateral: 0n,
  cumulativeInterest: 0n,
  rateHourly: 0n,
  lastAccrualS: 0,
});

describe('PoolStateCache', () => {
  it('hands out copies, so a transaction mutating its rows leaves the cache alone', () => {
    const cache = new PoolStateCache();
    cache.setPool('ALP', 5n, [custody('USDC', 10n)]);
    const first = cache.pool('ALP');
    if (!first?.custodies[0]) throw new Error('missing');
    first.custodies[0].owned = 99n;
    expect(cache.pool('ALP')?.custodies[0]?.owned).toBe(10n);
  });

  it('applies committed writes to the pools it holds and forgets what it cannot place', () => {
    const cache = new PoolStateCache();
    cache.setPool('ALP', 5n, [custody('USDC', 10n)]);
    cache.apply({ custodies: [custody('USDC', 12n)], supplies: [{ pool: 'ALP', supply: 6n }, { pool: 'RWALP', supply: 1n }], aggregates: [] });
    expect(cache.pool('ALP')).toEqual({ supply: 6n, custodies: [custody('USDC', 12n)] });
    expect(cache.pool('RWALP')).toBeUndefined();
    cache.apply({ custodies: [custody('SOL', 1n)], supplies: [], aggregates: [] });
    expect(cache.pool('ALP')).toBeUndefined();
  });
});

describe('the engine on PGlite with its pool-state cache', () => {
  let w: TestWorld;
  beforeAll(async () => {
    w = await createTestWorld('pglite');
    await w.reset();
  });
  afterAll(async () => {
    await w?.close();
  });

  it('reads after accepted and refused actions what an engine without a cache reads from the database', async () => {
    const refused: string[] = [];
    const attempt = async (...args: Parameters<TestWorld['act']>) => {
      try {
        return await w.act(...args);
      } catch (e) {
        refused.push((e as { code?: string }).code ?? String(e));
        return undefined;
      }
    };
    await attempt('a', 'faucet', { token: 'USDC', amount: 5_000n * USDC });
    const short = { market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: 100n * USDC, leverageBps: 50_000n } as const;
    const opened = await attempt('a', 'openPosition', { ...short, acceptablePrice: price(100) });
    await attempt('a', 'openPosition', { ...short, acceptablePrice: price(200) });
    await attempt('a', 'openPosition', { ...short, collateralAmount: 10n ** 12n * USDC, acceptablePrice: price(100) });
    await attempt('a', 'addLiquidity', { pool: 'ALP', token: 'USDC', amount: 300n * USDC, minLpOut: 0n });
    await attempt('a', 'addLiquidity', { pool: 'ALP', token: 'USDC', amount: 100n * USDC, minLpOut: 10n ** 30n });
    await w.clock.advanceInTx(w.db.sql, 3_600);
    if (opened?.action === 'openPosition') await attempt('a', 'closePosition', { positionId: opened.position.id, fractionBps: 5_000n, acceptablePrice: price(200) });
    await attempt('a', 'removeLiquidity', { pool: 'ALP', token: 'USDC', lpAmount: 10n ** 30n, minAmountOut: 0n });
    expect(refused.length).toBeGreaterThanOrEqual(3);

    const fresh = new Engine({ db: w.db, oracle: w.oracle, clock: w.clock, config: w.engine.config });
    expect(await w.engine.getPools()).toEqual(await fresh.getPools());
    expect(await w.engine.getMarkets()).toEqual(await fresh.getMarkets());
  });
});
