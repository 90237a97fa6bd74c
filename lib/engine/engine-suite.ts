/**
 * The engine suite, run on PGlite (engine.test.ts) and on PostgreSQL when TEST_DATABASE_URL is set
 * (engine.pg.test.ts). Every refusal also asserts that nothing changed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS } from '@/lib/math/params';
import { isProtocolError } from '@/lib/math/errors';
import type { Backend, TestWorld } from './test-support';
import { createTestWorld, snapshotState, T0_MS } from './test-support';
import { isEngineError } from './errors';
import { Engine } from './engine';
import { ManualOracle } from '@/lib/oracle/manual-oracle';
import { GENESIS_OWNER } from './genesis';
import type { ActionResult, PositionView } from './views';

const ALICE = 'alice';
const BOB = 'bob';
const SOL = 1_000_000_000n;
const USDC = 1_000_000n;
const P150 = 1_500_000_000_000n;

function codeOf(e: unknown): string {
  if (isProtocolError(e) || isEngineError(e)) return e.code;
  throw e;
}

function positionOf(r: ActionResult): PositionView {
  if ('position' in r) return r.position;
  throw new Error(`no position in ${r.action}`);
}

export function defineEngineSuite(backend: Backend): void {
  describe(`engine on ${backend}`, () => {
    let w: TestWorld;

    beforeAll(async () => {
      w = await createTestWorld(backend);
    });
    afterAll(async () => {
      await w?.close();
    });
    beforeEach(async () => {
      await w.reset();
    });

    /** Runs an action expected to be refused: returns its code and checks the database did not change. */
    async function refused(run: () => Promise<unknown>): Promise<string> {
      const before = await snapshotState(w.db);
      let code = 'NONE';
      try {
        await run();
      } catch (e) {
        code = codeOf(e);
      }
      expect(await snapshotState(w.db)).toBe(before);
      return code;
    }

    async function fund(owner: string, token: 'USDC' | 'SOL' | 'WBTC' | 'BONK', amount: bigint): Promise<void> {
      await w.act(owner, 'faucet', { token, amount });
      await w.db.sql.query('DELETE FROM faucet_draws WHERE owner = $1', [owner]);
    }

    async function openSolLong(owner = ALICE): Promise<PositionView> {
      await fund(owner, 'SOL', 2n * SOL);
      return positionOf(
        await w.act(owner, 'openPosition', {
          market: 'SOL',
          side: 'long',
          collateralToken: 'SOL',
          collateralAmount: SOL,
          leverageBps: 100_000n,
          acceptablePrice: 1_510_000_000_000n,
        }),
      );
    }

    it('writes the §9 genesis once', async () => {
      const pools = await w.engine.getPools();
      const alp = pools.find((p) => p.id === 'ALP');
      expect(alp?.lpSupply).toBe(GENESIS.pools.ALP.lpSupply);
      expect(alp?.custodies.map((c) => [c.token, c.owned])).toEqual([
        ['BONK', 4_000_000_000_000_000n],
        ['SOL', 23_333_333_333_333n],
        ['USDC', 3_000_000_000_000n],
        ['WBTC', 2_631_578_947n],
      ]);
      expect(pools.find((p) => p.id === 'RWALP')?.aumUsd).toBe(1_000_000_000_000n);
      expect((await w.engine.getAccount(GENESIS_OWNER)).lp).toEqual({ ALP: 10_000_000_000_000n, RWALP: 1_000_000_000_000n });
      await w.engine.init();
      expect((await w.engine.getPools())[0]?.lpSupply).toBe(GENESIS.pools.ALP.lpSupply);
    });

    it('writes empty pools when the local network is off', async () => {
      await w.reset({ devnet: false });
      const pools = await w.engine.getPools();
      expect(pools.map((p) => [p.id, p.lpSupply, p.aumUsd, p.lpPriceUsd])).toEqual([
        ['ALP', 0n, 0n, 1_000_000n],
        ['RWALP', 0n, 0n, 1_000_000n],
      ]);
      expect(await refused(() => w.act(ALICE, 'faucet', { token: 'USDC', amount: USDC }))).toBe('DEVNET_DISABLED');
    });

    it('faucet: draws, then refuses a second draw within the minute and amounts over the limit', async () => {
      const r = await w.act(ALICE, 'faucet', { token: 'USDC', amount: 10_000n * USDC });
      expect(r).toEqual({ action: 'faucet', token: 'USDC', amount: 10_000n * USDC, balance: 10_000n * USDC });
      expect(await refused(() => w.act(ALICE, 'faucet', { token: 'USDC', amount: USDC }))).toBe('FAUCET_COOLDOWN');
      expect(await refused(() => w.act(BOB, 'faucet', { token: 'SOL', amount: 51n * SOL }))).toBe('FAUCET_LIMIT');
      // The cooldown is per token: another token may be drawn within the same minute.
      await w.act(ALICE, 'faucet', { token: 'SOL', amount: 50n * SOL });
      expect((await w.engine.getAccount(ALICE)).balances.SOL).toBe(50n * SOL);
      await w.engine.advanceClock(60);
      await w.act(ALICE, 'faucet', { token: 'USDC', amount: USDC });
      expect((await w.engine.getAccount(ALICE)).balances.USDC).toBe(10_001n * USDC);
    });

    it('refuses a reused nonce and leaves it unconsumed when an action is refused', async () => {
      await w.engine.execute({ owner: ALICE, nonce: 'x', action: 'faucet', params: { token: 'USDC', amount: USDC } });
      expect(
        await refused(() => w.engine.execute({ owner: ALICE, nonce: 'x', action: 'faucet', params: { token: 'USDC', amount: USDC } })),
      ).toBe('NONCE_REUSED');
      expect(
        await refused(() => w.engine.execute({ owner: BOB, nonce: 'y', action: 'faucet', params: { token: 'USDC', amount: 1n + 10_000n * USDC } })),
      ).toBe('FAUCET_LIMIT');
      await w.engine.execute({ owner: BOB, nonce: 'y', action: 'faucet', params: { token: 'USDC', amount: USDC } });
    });

    it('opens a SOL long in SOL with the §5 numbers', async () => {
      const p = await openSolLong();
      // low = 149.625; collateralUsd = floor(1 SOL × 149.625) = 149.625; size ×10; lock = size / low = 10 SOL.
      expect(p).toMatchObject({
        market: 'SOL',
        side: 'long',
        collateralToken: 'SOL',
        collateralAmount: SOL,
        collateralUsd: 149_625_000n,
        sizeUsd: 1_496_250_000n,
        entryPrice: P150,
        lockAmount: 10n * SOL,
        exitFeeUsd: 1_496_250n,
        liquidationFeeUsd: 2_992_500n,
        borrowFeeUsd: 0n,
        leverageBps: 100_000n,
      });
      const sol = (await w.engine.getPools())[0]?.custodies.find((c) => c.token === 'SOL');
      expect(sol?.locked).toBe(10n * SOL);
      expect(sol?.borrowRateHourly).toBeGreaterThan(0n);
      const market = (await w.engine.getMarkets()).find((m) => m.id === 'SOL');
      expect(market?.openInterestLongUsd).toBe(1_496_250_000n);
      expect((await w.engine.getAccount(ALICE)).balances.SOL).toBe(SOL);
      const history = await w.engine.getHistory(ALICE);
      expect(history[0]?.kind).toBe('opened');
    });

    it('quotes exactly what opening does', async () => {
      const q = await w.engine.quoteOpen({ market: 'SOL', side: 'long', collateralToken: 'SOL', collateralAmount: SOL, leverageBps: 100_000n });
      const p = await openSolLong();
      expect([q.sizeUsd, q.collateralUsd, q.lockAmount, q.entryPrice, q.liquidationPrice]).toEqual([
        p.sizeUsd,
        p.collateralUsd,
        p.lockAmount,
        p.entryPrice,
        p.liquidationPrice,
      ]);
      const sol = (await w.engine.getPools())[0]?.custodies.find((c) => c.token === 'SOL');
      expect(q.borrowRateHourly).toBe(sol?.borrowRateHourly);
    });

    it('swaps USDC into the market token for an ALP long posted in USDC', async () => {
      await fund(ALICE, 'USDC', 1_000n * USDC);
      const p = positionOf(
        await w.act(ALICE, 'openPosition', {
          market: 'SOL',
          side: 'long',
          collateralToken: 'USDC',
          collateralAmount: 150n * USDC,
          leverageBps: 50_000n,
          acceptablePrice: P150,
        }),
      );
      // fee = ceil(150 × 20 bps) = 0.3 USDC; out = floor(149.7 / high 150.375) SOL.
      expect(p.collateralToken).toBe('SOL');
      expect(p.collateralAmount).toBe((149_700_000n * 10_000_000_000n * 10n ** 9n) / (1_503_750_000_000n * 10n ** 6n));
      const usdc = (await w.engine.getPools())[0]?.custodies.find((c) => c.token === 'USDC');
      expect(usdc?.owned).toBe(3_000_000_000_000n + 150n * USDC);
    });

    it('opens a short in USDC, increases it at a new price with the harmonic mean entry', async () => {
      await fund(ALICE, 'USDC', 1_000n * USDC);
      const open = (collateral: bigint, acceptable: bigint) =>
        w.act(ALICE, 'openPosition', { market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: collateral, leverageBps: 20_000n, acceptablePrice: acceptable });
      const first = positionOf(await open(100n * USDC, P150));
      expect(first).toMatchObject({ sizeUsd: 200n * USDC, lockAmount: 200n * USDC, collateralUsd: 100n * USDC });
      await w.setPrice('SOL', 1_200_000_000_000n);
      const second = positionOf(await open(100n * USDC, 1_000_000_000_000n));
      expect(second.id).toBe(first.id);
      expect(second.sizeUsd).toBe(400n * USDC);
      // (S1+S2)·P1·P2 / (S1·P2 + S2·P1) = 400·150·120 / (200·120 + 200·150) = 133.33… → floor for a short.
      expect(second.entryPrice).toBe(1_333_333_333_333n);
      expect((await w.engine.getHistory(ALICE))[0]?.kind).toBe('increased');
    });

    it.each([
      ['LEVERAGE_TOO_HIGH', { leverageBps: 1_000_001n }],
      ['LEVERAGE_TOO_LOW', { leverageBps: 10_999n }],
      ['COLLATERAL_TOO_SMALL', { collateralAmount: 60_000_000n }],
      ['SLIPPAGE', { acceptablePrice: P150 - 1n }],
      ['UNSUPPORTED_COLLATERAL', { collateralToken: 'WBTC' as const }],
      ['INSUFFICIENT_BALANCE', { collateralAmount: 3n * SOL }],
      ['POSITION_TOO_LARGE', { collateralAmount: 2n * SOL, leverageBps: 1_000_000n, market: 'SOL' as const }],
    ])('refuses an open with %s and changes nothing', async (code, patch) => {
      await fund(ALICE, 'SOL', 2n * SOL);
      if (code === 'POSITION_TOO_LARGE') {
        await w.db.sql.query("UPDATE balances SET amount = 10000000000000 WHERE owner = $1 AND token = 'SOL'", [ALICE]);
        patch = { ...patch, collateralAmount: 7_000n * SOL };
      }
      const params = { market: 'SOL' as const, side: 'long' as const, collateralToken: 'SOL' as const, collateralAmount: SOL, leverageBps: 100_000n, acceptablePrice: P150, ...patch };
      expect(await refused(() => w.act(ALICE, 'openPosition', params))).toBe(code);
    });

    it('refuses an RWA open while the market is closed, naming the reopening time', async () => {
      await fund(ALICE, 'USDC', 100n * USDC);
      await w.engine.advanceClock(2 * 86_400 + 10 * 3_600); // Friday 22:00 UTC
      let message = '';
      const code = await refused(() =>
        w
          .act(ALICE, 'openPosition', { market: 'XAU', side: 'long', collateralToken: 'USDC', collateralAmount: 50n * USDC, leverageBps: 20_000n, acceptablePrice: 10n ** 16n })
          .catch((e: Error) => {
            message = e.message;
            throw e;
          }),
      );
      expect(code).toBe('MARKET_CLOSED');
      expect(message).toContain('2026-01-11T22:00:00Z');
      const xau = (await w.engine.getMarkets()).find((m) => m.id === 'XAU');
      expect(xau).toMatchObject({ open: false, reopensAt: Date.UTC(2026, 0, 11, 22) / 1000 });
    });

    it('closes whole and in part, with payout and realised PnL', async () => {
      const p = await openSolLong();
      await w.setPrice('SOL', 1_650_000_000_000n);
      const part = await w.act(ALICE, 'closePosition', { positionId: p.id, fractionBps: 5_000n, acceptablePrice: 1_600_000_000_000n });
      if (part.action !== 'closePosition') throw new Error('unexpected');
      // closed size 748.125; pnl = 748.125 × 15/150 = 74.8125; payout = 74.8125 + 74.8125 − 0.748125 fee.
      expect(part.pricePnlUsd).toBe(74_812_500n);
      expect(part.feeUsd).toBe(748_125n);
      expect(part.payoutUsd).toBe(74_812_500n + 74_812_500n - 748_125n);
      expect(part.remaining?.sizeUsd).toBe(748_125_000n);
      const all = await w.act(ALICE, 'closePosition', { positionId: p.id, acceptablePrice: 1_600_000_000_000n });
      if (all.action !== 'closePosition') throw new Error('unexpected');
      expect(all.remaining).toBeNull();
      const account = await w.engine.getAccount(ALICE);
      expect(account.positions).toEqual([]);
      expect(account.balances.SOL).toBe(SOL + part.payoutAmount + all.payoutAmount);
      const sol = (await w.engine.getPools())[0]?.custodies.find((c) => c.token === 'SOL');
      expect(sol?.locked).toBe(0n);
      expect((await w.engine.getMarkets()).find((m) => m.id === 'SOL')?.openInterestLongUsd).toBe(0n);
      expect((await w.engine.getHistory(ALICE)).filter((e) => e.kind === 'closed').length).toBe(2);
    });

    it.each([
      ['SLIPPAGE', { acceptablePrice: P150 + 1n }, ALICE],
      ['NOT_OWNER', {}, BOB],
      ['REMAINING_COLLATERAL_TOO_SMALL', { fractionBps: 9_500n }, ALICE],
      ['NOT_FOUND', { positionId: '999999' }, ALICE],
      ['INVALID_AMOUNT', { fractionBps: 10_001n }, ALICE],
    ])('refuses a close with %s and changes nothing', async (code, patch, owner) => {
      const p = await openSolLong();
      expect(await refused(() => w.act(owner, 'closePosition', { positionId: p.id, acceptablePrice: P150 - P150 / 10n, ...patch }))).toBe(code);
    });

    it('accrues borrow fees with the clock (§4)', async () => {
      const p = await openSolLong();
      const rate = (await w.engine.getPools())[0]?.custodies.find((c) => c.token === 'SOL')?.borrowRateHourly ?? 0n;
      await w.engine.advanceClock(3_600);
      const after = (await w.engine.getAccount(ALICE)).positions[0];
      // ceil(3600 × rate / 3600) = rate; fee = ceil(rate × size / 1e9).
      expect(after?.borrowFeeUsd).toBe((rate * p.sizeUsd + 999_999_999n) / 1_000_000_000n);
      expect(after?.liquidationPrice).toBeGreaterThan(p.liquidationPrice);
    });

    it('adds and removes collateral, refusing too much', async () => {
      const p = await openSolLong();
      const added = positionOf(await w.act(ALICE, 'addCollateral', { positionId: p.id, amount: SOL / 2n }));
      expect(added.collateralAmount).toBe(SOL + SOL / 2n);
      expect(added.collateralUsd).toBe(149_625_000n + 74_812_500n);
      expect(await refused(() => w.act(ALICE, 'removeCollateral', { positionId: p.id, amountUsd: 220_000_000n }))).toBe('REMAINING_COLLATERAL_TOO_SMALL');
      expect(await refused(() => w.act(ALICE, 'removeCollateral', { positionId: p.id, amountUsd: 212_000_000n }))).toBe('LEVERAGE_TOO_HIGH');
      expect(await refused(() => w.act(ALICE, 'addCollateral', { positionId: p.id, amount: 10n * SOL }))).toBe('INSUFFICIENT_BALANCE');
      const removed = positionOf(await w.act(ALICE, 'removeCollateral', { positionId: p.id, amountUsd: 74_812_500n }));
      expect(removed.collateralUsd).toBe(149_625_000n);
      // paid at high 150.375: floor(74.8125 / 150.375) SOL
      expect((await w.engine.getAccount(ALICE)).balances.SOL).toBe(SOL / 2n + (74_812_500n * 10n ** 13n) / 1_503_750_000_000n);
    });

    it('sets and clears TP/SL, refusing invalid levels', async () => {
      const p = await openSolLong();
      const set = positionOf(await w.act(ALICE, 'setTpSl', { positionId: p.id, takeProfit: 1_700_000_000_000n, stopLoss: 1_400_000_000_000n }));
      expect([set.takeProfit, set.stopLoss]).toEqual([1_700_000_000_000n, 1_400_000_000_000n]);
      expect(await refused(() => w.act(ALICE, 'setTpSl', { positionId: p.id, takeProfit: 1_400_000_000_000n, stopLoss: null }))).toBe('INVALID_TAKE_PROFIT');
      expect(await refused(() => w.act(ALICE, 'setTpSl', { positionId: p.id, takeProfit: null, stopLoss: 1_000_000_000_000n }))).toBe('INVALID_STOP_LOSS');
      const cleared = positionOf(await w.act(ALICE, 'setTpSl', { positionId: p.id, takeProfit: null, stopLoss: null }));
      expect([cleared.takeProfit, cleared.stopLoss]).toEqual([null, null]);
    });

    it('places and cancels limit orders with escrow, at most 16', async () => {
      await fund(ALICE, 'USDC', 10_000n * USDC);
      const place = () =>
        w.act(ALICE, 'placeLimitOrder', {
          market: 'SOL',
          side: 'short',
          collateralToken: 'USDC',
          collateralAmount: 20n * USDC,
          leverageBps: 50_000n,
          acceptablePrice: 1_590_000_000_000n,
          triggerPrice: 1_600_000_000_000n,
        });
      const first = await place();
      if (first.action !== 'placeLimitOrder') throw new Error('unexpected');
      expect((await w.engine.getAccount(ALICE)).balances.USDC).toBe(9_980n * USDC);
      for (let i = 1; i < 16; i++) await place();
      expect(await refused(place)).toBe('TOO_MANY_ORDERS');
      expect(await refused(() => w.act(BOB, 'cancelOrder', { orderId: first.order.id }))).toBe('NOT_OWNER');
      await w.act(ALICE, 'cancelOrder', { orderId: first.order.id });
      const account = await w.engine.getAccount(ALICE);
      expect(account.orders.length).toBe(15);
      expect(account.balances.USDC).toBe(10_000n * USDC - 15n * 20n * USDC);
      expect(await refused(() => w.act(ALICE, 'cancelOrder', { orderId: first.order.id }))).toBe('NOT_FOUND');
    });

    it('adds and removes liquidity at the LP price', async () => {
      await fund(ALICE, 'USDC', 10_000n * USDC);
      const pools = await w.engine.getPools();
      const alp = pools[0];
      if (!alp) throw new Error('no ALP');
      const add = await w.act(ALICE, 'addLiquidity', { pool: 'ALP', token: 'USDC', amount: 1_000n * USDC, minLpOut: 1n });
      if (add.action !== 'addLiquidity') throw new Error('unexpected');
      expect(add.feeAmount).toBe(0n);
      expect(add.lpOut).toBe((1_000n * USDC * alp.lpSupply) / alp.aumUsd);
      expect(await refused(() => w.act(ALICE, 'removeLiquidity', { pool: 'ALP', token: 'USDC', lpAmount: add.lpOut, minAmountOut: 1_000n * USDC }))).toBe('MIN_OUT_NOT_MET');
      expect(await refused(() => w.act(ALICE, 'removeLiquidity', { pool: 'ALP', token: 'USDC', lpAmount: add.lpOut + 1n, minAmountOut: 0n }))).toBe('INSUFFICIENT_BALANCE');
      const rm = await w.act(ALICE, 'removeLiquidity', { pool: 'ALP', token: 'USDC', lpAmount: add.lpOut, minAmountOut: 0n });
      if (rm.action !== 'removeLiquidity') throw new Error('unexpected');
      expect(rm.amountOut + rm.feeAmount).toBeLessThanOrEqual(1_000n * USDC);
      expect(rm.feeAmount).toBe(((rm.amountOut + rm.feeAmount) * 10n + 9_999n) / 10_000n);
      expect((await w.engine.getPools())[0]?.fees7dUsd).toBeGreaterThan(0n);
    });

    it('refuses liquidity that would push a custody out of its band', async () => {
      await w.db.sql.query("INSERT INTO balances (owner, token, amount) VALUES ($1, 'BONK', 10000000000000000)", [ALICE]);
      // BONK is $1M of $10M; adding $1M makes it 2/11 = 18% > 15%.
      expect(await refused(() => w.act(ALICE, 'addLiquidity', { pool: 'ALP', token: 'BONK', amount: 4_000_000_000_000_000n, minLpOut: 0n }))).toBe('RATIO_OUT_OF_BAND');
    });

    it('swaps through ALP and refuses below minAmountOut or between equal tokens', async () => {
      await fund(ALICE, 'USDC', 1_000n * USDC);
      expect(await refused(() => w.act(ALICE, 'swap', { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'SOL', amountIn: 150n * USDC, minAmountOut: SOL }))).toBe('MIN_OUT_NOT_MET');
      expect(await refused(() => w.act(ALICE, 'swap', { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'USDC', amountIn: USDC, minAmountOut: 0n }))).toBe('INVALID_SWAP');
      expect(await refused(() => w.act(ALICE, 'swap', { pool: 'RWALP', tokenIn: 'USDC', tokenOut: 'SOL', amountIn: USDC, minAmountOut: 0n }))).toBe('INVALID_SWAP');
      const r = await w.act(ALICE, 'swap', { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'SOL', amountIn: 150n * USDC, minAmountOut: 0n });
      if (r.action !== 'swap') throw new Error('unexpected');
      expect(r.feeAmount).toBe(300_000n);
      expect(r.amountOut).toBe((149_700_000n * 10_000_000_000n * 10n ** 9n) / (1_503_750_000_000n * 10n ** 6n));
      expect((await w.engine.getAccount(ALICE)).balances).toMatchObject({ USDC: 850n * USDC, SOL: r.amountOut });
    });

    it('refuses with ORACLE_STALE when a live price is older than maxPriceAgeS; manual prices never go stale', async () => {
      class LiveOracle extends ManualOracle {
        override isManual(): boolean {
          return false;
        }
      }
      const live = new LiveOracle({ ...GENESIS.prices }, T0_MS / 1000);
      const engine = new Engine({ db: w.db, oracle: live, clock: w.clock, config: { devnet: true, maxPriceAgeS: 30 } });
      await fund(ALICE, 'USDC', 100n * USDC);
      const open = (e: Engine, nonce: string) =>
        e.execute({
          owner: ALICE,
          nonce,
          action: 'openPosition',
          params: { market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: 20n * USDC, leverageBps: 20_000n, acceptablePrice: 0n },
        });
      await w.engine.advanceClock(30);
      await engine.quoteOpen({ market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: 20n * USDC, leverageBps: 20_000n });
      await w.engine.advanceClock(1);
      expect(await refused(() => open(engine, 's1'))).toBe('ORACLE_STALE');
      expect((await engine.getMarkets()).find((m) => m.id === 'SOL')?.stale).toBe(true);
      expect((await engine.getHealth()).oracle.stale).toBe(true);
      await open(w.engine, 's2');
    });

    it('refuses opens over the open-interest cap or the free liquidity', async () => {
      await w.db.sql.query("INSERT INTO balances (owner, token, amount) VALUES ($1, 'BONK', $2)", [ALICE, String(10n ** 15n)]);
      const bonk = (collateralAmount: bigint) =>
        w.act(ALICE, 'openPosition', { market: 'BONK', side: 'long', collateralToken: 'BONK', collateralAmount, leverageBps: 500_000n, acceptablePrice: 10n ** 12n });
      // $250k at 50x needs $5,000 of BONK at low $0.0000249375: 200,501,253.13283 BONK (5 decimals).
      await bonk(20_050_125_313_283n);
      await w.db.sql.query("UPDATE positions SET owner = 'other' WHERE owner = $1", [ALICE]);
      await bonk(20_050_125_313_283n);
      await w.db.sql.query("UPDATE positions SET owner = 'other1' WHERE owner = $1", [ALICE]);
      expect(await refused(() => bonk(20_050_125_313_283n))).toBe('OPEN_INTEREST_CAP');
      // Three $1M SOL shorts lock all 3,000,000 USDC of ALP (a limit is inclusive); then nothing is free.
      await w.db.sql.query("INSERT INTO balances (owner, token, amount) VALUES ($1, 'USDC', $2)", [ALICE, String(100_000n * USDC)]);
      for (const other of ['s1', 's2', 's3']) {
        await w.act(ALICE, 'openPosition', { market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: 10_000n * USDC, leverageBps: 1_000_000n, acceptablePrice: 0n });
        await w.db.sql.query("UPDATE positions SET owner = $2 WHERE owner = $1 AND market = 'SOL'", [ALICE, other]);
      }
      const btc = () =>
        w.act(ALICE, 'openPosition', { market: 'BTC', side: 'short', collateralToken: 'USDC', collateralAmount: 100n * USDC, leverageBps: 100_000n, acceptablePrice: 0n });
      expect(await refused(btc)).toBe('INSUFFICIENT_LIQUIDITY');
    });

    it.each([
      ['INVALID_TRIGGER', { triggerPrice: 0n }],
      ['LEVERAGE_TOO_HIGH', { leverageBps: 1_000_001n }],
      ['UNSUPPORTED_COLLATERAL', { collateralToken: 'SOL' as const }],
      ['INSUFFICIENT_BALANCE', { collateralAmount: 10_001n * USDC }],
    ])('refuses a limit order with %s and changes nothing', async (code, patch) => {
      await fund(ALICE, 'USDC', 10_000n * USDC);
      const params = { market: 'SOL' as const, side: 'short' as const, collateralToken: 'USDC' as const, collateralAmount: 20n * USDC, leverageBps: 50_000n, acceptablePrice: 0n, triggerPrice: P150, ...patch };
      expect(await refused(() => w.act(ALICE, 'placeLimitOrder', params))).toBe(code);
    });

    it('refuses collateral, TP/SL and closes on positions of others or while the market is closed', async () => {
      const p = await openSolLong();
      expect(await refused(() => w.act(BOB, 'addCollateral', { positionId: p.id, amount: 1n }))).toBe('NOT_OWNER');
      expect(await refused(() => w.act(BOB, 'setTpSl', { positionId: p.id, takeProfit: null, stopLoss: null }))).toBe('NOT_OWNER');
      expect(await refused(() => w.act(ALICE, 'setTpSl', { positionId: '4242', takeProfit: null, stopLoss: null }))).toBe('NOT_FOUND');
      await fund(BOB, 'USDC', 100n * USDC);
      const xau = positionOf(
        await w.act(BOB, 'openPosition', { market: 'XAU', side: 'short', collateralToken: 'USDC', collateralAmount: 50n * USDC, leverageBps: 20_000n, acceptablePrice: 0n }),
      );
      await w.engine.advanceClock(2 * 86_400 + 10 * 3_600);
      expect(await refused(() => w.act(BOB, 'closePosition', { positionId: xau.id, acceptablePrice: 10n ** 16n }))).toBe('MARKET_CLOSED');
      expect(await refused(() => w.act(BOB, 'removeCollateral', { positionId: xau.id, amountUsd: USDC }))).toBe('MARKET_CLOSED');
    });

    it('refuses a deposit below minLpOut and a swap that breaks a custody band', async () => {
      await fund(ALICE, 'USDC', 1_000n * USDC);
      // AUM is $9.98M for 10M ALP (custodies at low), so 100 USDC mints ≈ 100.17 ALP.
      expect(await refused(() => w.act(ALICE, 'addLiquidity', { pool: 'ALP', token: 'USDC', amount: 100n * USDC, minLpOut: 101n * USDC }))).toBe('MIN_OUT_NOT_MET');
      await w.db.sql.query("INSERT INTO balances (owner, token, amount) VALUES ($1, 'BONK', $2)", [BOB, String(10n ** 16n)]);
      // $1M of BONK in, ~$1M of USDC out: BONK goes to ~20% (max 15%).
      expect(await refused(() => w.act(BOB, 'swap', { pool: 'ALP', tokenIn: 'BONK', tokenOut: 'USDC', amountIn: 4n * 10n ** 15n, minAmountOut: 0n }))).toBe('RATIO_OUT_OF_BAND');
    });

    it('keeps the clock offset in the database', async () => {
      await w.engine.advanceClock(120);
      expect(w.clock.nowS()).toBe(T0_MS / 1000 + 120);
      const { rows } = await w.db.sql.query<{ value: string }>("SELECT value FROM engine_state WHERE key = 'clock_offset_s'");
      expect(rows[0]?.value).toBe('120');
    });
  });
}
