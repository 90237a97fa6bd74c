/**
 * The refusals that need the pool's state, the prices or the clock moved (one chain for this file; the clock only
 * moves forward, so the weekend comes last): free liquidity, the open-interest cap, stale prices for every
 * action, a closed RWA market; and POST /api/quote/open's refusals (the same codes and statuses).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyPairSigner } from '@solana/kit';
import { startChainHarness, type ChainHarness, type ErrorBody } from './harness';

let h: ChainHarness;
const ONE_SOL = 1_000_000_000n;
const usdc = (dollars: number) => BigInt(Math.round(dollars * 1e6)).toString();
const openParams = (market: string, side: string, token: string, amount: string, leverageBps: string) => ({
  market,
  side,
  collateralToken: token,
  collateralAmount: amount,
  leverageBps,
  acceptablePrice: '0',
});

let trader: KeyPairSigner;
let solLong: string;
let xauLong: string;
let lp: KeyPairSigner;

beforeAll(async () => {
  h = await startChainHarness();
  trader = await h.wallet({ lamports: 10n * ONE_SOL, USDC: 10_000_000_000n });
  solLong = (await h.act(trader, 'openPosition', openParams('SOL', 'long', 'USDC', usdc(100), '50000'))).accounts.position!;
  xauLong = (await h.act(trader, 'openPosition', openParams('XAU', 'long', 'USDC', usdc(100), '50000'))).accounts.position!;
  lp = await h.wallet({ lamports: ONE_SOL, USDC: 30_000_000_000n });
  await h.act(lp, 'addLiquidity', { pool: 'ALP', token: 'USDC', amount: '30000000000', minLpOut: '0' });
}, 120_000);
afterAll(async () => h.close());

describe('free liquidity and the open-interest cap', () => {
  it('INSUFFICIENT_LIQUIDITY: a SOL long whose lock is more SOL than the pool has free', async () => {
    await h.setPrices({ SOL: 400_000_000_000n });
    const whale = await h.wallet({ lamports: 241n * ONE_SOL });
    const m = await h.refused(whale, 'openPosition', openParams('SOL', 'long', 'SOL', (240n * ONE_SOL).toString(), '1000000'), 422, 'INSUFFICIENT_LIQUIDITY');
    expect(m).toBe('The pool does not have enough free liquidity for this long; lower the size or leverage.');
    const quote = await h.quote({ market: 'SOL', side: 'long', collateralToken: 'SOL', collateralAmount: (240n * ONE_SOL).toString(), leverageBps: '1000000' });
    expect([quote.status, (quote.body as unknown as ErrorBody).error.code]).toEqual([422, 'INSUFFICIENT_LIQUIDITY']);
    await h.setPrices({ SOL: 1_500_000_000_000n });
  });

  it('INSUFFICIENT_LIQUIDITY: a swap or a redemption paying out more WBTC than is free', async () => {
    await h.setPrices({ BTC: 5_000_000_000_000n });
    const w = await h.wallet({ lamports: ONE_SOL, USDC: 30_000_000_000n });
    expect(await h.refused(w, 'swap', { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'WBTC', amountIn: '30000000000', minAmountOut: '0' }, 422, 'INSUFFICIENT_LIQUIDITY')).toBe(
      'The pool does not have enough free tokens of this custody right now; withdraw less or choose another token.',
    );
    const lpAmount = h.balance(lp.address, 'ALP').toString();
    await h.refused(lp, 'removeLiquidity', { pool: 'ALP', token: 'WBTC', lpAmount, minAmountOut: '0' }, 422, 'INSUFFICIENT_LIQUIDITY');
    await h.setPrices({ BTC: 950_000_000_000_000n });
  });

  it('OPEN_INTEREST_CAP: XAG longs at $500,000, the next one is refused', async () => {
    for (let i = 0; i < 5; i++) {
      const w = await h.wallet({ lamports: ONE_SOL, USDC: 2_000_000_000n });
      await h.act(w, 'openPosition', openParams('XAG', 'long', 'USDC', usdc(2_000), '500000'));
    }
    expect(h.snapshot().aggregate('XAG', 'long').sizeUsd).toBe(500_000_000_000n);
    const m = await h.refused(trader, 'openPosition', openParams('XAG', 'long', 'USDC', usdc(10), '500000'), 422, 'OPEN_INTEREST_CAP');
    expect(m).toBe('XAG longs would reach $500,500 of open interest, above the cap of $500,000; lower the size.');
  });
});

describe('POST /api/quote/open refusals', () => {
  it('answers the codes and statuses of an open, and 400 for a malformed body', async () => {
    const q = (body: Record<string, string>) => h.quote({ market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: usdc(100), leverageBps: '100000', ...body });
    const cases: [Record<string, string>, number, string][] = [
      [{ leverageBps: '1000001' }, 422, 'LEVERAGE_TOO_HIGH'],
      [{ leverageBps: '10999' }, 422, 'LEVERAGE_TOO_LOW'],
      [{ collateralAmount: usdc(9) }, 422, 'COLLATERAL_TOO_SMALL'],
      [{ collateralToken: 'WBTC' }, 422, 'UNSUPPORTED_COLLATERAL'],
      [{ market: 'DOGE' }, 400, 'UNKNOWN_MARKET'],
      [{ collateralAmount: '18446744073709551616' }, 400, 'NUMBER_OUT_OF_RANGE'],
      [{ collateralAmount: '-1' }, 400, 'INVALID_NUMBER'],
      [{ collateralAmount: '0' }, 400, 'NUMBER_OUT_OF_RANGE'],
    ];
    for (const [body, status, code] of cases) {
      const a = await q(body);
      expect([a.status, (a.body as unknown as ErrorBody).error.code], JSON.stringify(body)).toEqual([status, code]);
    }
    const ok = await q({});
    expect(ok.status).toBe(200);
  });
});

describe('stale prices: every action that reads one is ORACLE_STALE (503), changing nothing', () => {
  it('opens, closes, collateral, TP/SL, orders, liquidity, swaps and the quote', async () => {
    const placed = await h.act(trader, 'placeLimitOrder', { ...openParams('SOL', 'long', 'USDC', usdc(20), '50000'), triggerPrice: '1400000000000' });
    h.advance(31);
    const m = await h.refused(trader, 'openPosition', openParams('SOL', 'short', 'USDC', usdc(100), '50000'), 503, 'ORACLE_STALE');
    expect(m).toBe('The SOL price ($150) is 31s old, over the 30s limit; try again when the oracle updates.');
    await h.refused(trader, 'closePosition', { positionId: solLong, acceptablePrice: '0' }, 503, 'ORACLE_STALE');
    await h.refused(trader, 'addCollateral', { positionId: solLong, amount: '1000' }, 503, 'ORACLE_STALE');
    await h.refused(trader, 'removeCollateral', { positionId: solLong, amountUsd: usdc(1) }, 503, 'ORACLE_STALE');
    await h.refused(trader, 'setTpSl', { positionId: solLong, takeProfit: '1600000000000', stopLoss: null }, 503, 'ORACLE_STALE');
    await h.refused(trader, 'placeLimitOrder', { ...openParams('SOL', 'short', 'USDC', usdc(20), '50000'), triggerPrice: '1600000000000' }, 503, 'ORACLE_STALE');
    await h.refused(trader, 'addLiquidity', { pool: 'ALP', token: 'USDC', amount: usdc(10), minLpOut: '0' }, 503, 'ORACLE_STALE');
    await h.refused(lp, 'removeLiquidity', { pool: 'ALP', token: 'USDC', lpAmount: '1000000', minAmountOut: '0' }, 503, 'ORACLE_STALE');
    await h.refused(trader, 'swap', { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'BONK', amountIn: usdc(10), minAmountOut: '0' }, 503, 'ORACLE_STALE');
    const quote = await h.quote({ market: 'BTC', side: 'long', collateralToken: 'USDC', collateralAmount: usdc(100), leverageBps: '20000' });
    expect([quote.status, (quote.body as unknown as ErrorBody).error.code]).toEqual([503, 'ORACLE_STALE']);
    // Cancelling reads no price.
    await h.act(trader, 'cancelOrder', { orderId: placed.accounts.order });
    await h.refreshPrices();
    await h.act(trader, 'setTpSl', { positionId: solLong, takeProfit: '1600000000000', stopLoss: null });
  });
});

describe('one stale feed: a swap reads its two tokens\' prices first, the others only for the ratio rule', () => {
  it('INVALID_SWAP and MIN_OUT_NOT_MET come before a stale BONK; a SOL swap and a USDC-posted SOL long then stop at it', async () => {
    h.advance(31);
    const fresh = { SOL: 1_500_000_000_000n, BTC: 950_000_000_000_000n, USDC: 10_000_000_000n, XAU: 26_500_000_000_000n, XAG: 310_000_000_000n, WTI: 700_000_000_000n };
    await h.setPrices(fresh, { only: true });
    await h.refused(trader, 'swap', { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'USDC', amountIn: usdc(10), minAmountOut: '0' }, 422, 'INVALID_SWAP');
    await h.refused(trader, 'swap', { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'SOL', amountIn: usdc(10), minAmountOut: '1000000000' }, 422, 'MIN_OUT_NOT_MET');
    expect(await h.refused(trader, 'swap', { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'SOL', amountIn: usdc(10), minAmountOut: '0' }, 503, 'ORACLE_STALE')).toMatch(
      /^The BONK price \(\$0\.000025\) is 3\ds old, over the 30s limit; try again when the oracle updates\.$/,
    );
    await h.refused(trader, 'openPosition', openParams('SOL', 'long', 'USDC', usdc(100), '50000'), 503, 'ORACLE_STALE');
    await h.act(trader, 'openPosition', openParams('SOL', 'short', 'USDC', usdc(100), '50000'));
    await h.refreshPrices();
  });
});

describe('a closed RWA market (Saturday): MARKET_CLOSED (503) for what needs it open', () => {
  it('refuses opening, closing and withdrawing on XAU, and quoting it; collateral may still be added; SOL trades', async () => {
    h.setTime(Date.UTC(2026, 0, 10, 12, 0, 0));
    await h.refreshPrices();
    const m = await h.refused(trader, 'openPosition', openParams('XAU', 'short', 'USDC', usdc(100), '50000'), 503, 'MARKET_CLOSED');
    expect(m).toBe('The XAU market is closed; it reopens at 2026-01-11T22:00:00Z.');
    await h.refused(trader, 'closePosition', { positionId: xauLong, acceptablePrice: '0' }, 503, 'MARKET_CLOSED');
    await h.refused(trader, 'removeCollateral', { positionId: xauLong, amountUsd: usdc(1) }, 503, 'MARKET_CLOSED');
    const quote = await h.quote({ market: 'XAU', side: 'long', collateralToken: 'USDC', collateralAmount: usdc(100), leverageBps: '20000' });
    expect([quote.status, (quote.body as unknown as ErrorBody).error.code]).toEqual([503, 'MARKET_CLOSED']);
    await h.act(trader, 'addCollateral', { positionId: xauLong, amount: usdc(5) });
    await h.act(trader, 'openPosition', openParams('SOL', 'short', 'USDC', usdc(100), '50000'));
  });
});
