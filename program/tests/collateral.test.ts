/**
 * AddCollateral and RemoveCollateral (§6): a deposit valued at low, a withdrawal paid at high and refused over
 * the maximum initial leverage (a loss and the borrow fee count, a profit does not) or under $10; lib/math's
 * addCollateral / removeCollateral to the unit; every refusal.
 */
import { describe, expect, it } from 'vitest';
import type { MarketId, Side } from '@/lib/math/ids';
import { MARKETS, TOKENS, lockToken } from '@/lib/math/params';
import { addCollateral, removeCollateral } from '@/lib/math/collateral';
import { pricePnlUsd } from '@/lib/math/pnl';
import { positionBorrowFeeUsd } from '@/lib/math/position';
import { custodyOf, vaultOf } from '@/lib/chain/addresses';
import { addCollateralIx, removeCollateralIx } from '@/lib/chain/testing/actions';
import { custody, custodyAfter, custodyNow, market, marketPrice, positionAt, tokenQuote } from '@/lib/chain/testing/model';
import { unsigned, withAccount } from '@/lib/chain/testing/tamper';
import type { Trader, World } from '@/lib/chain/testing/world';
import { eventOf, genesis, ok, ONE, opened, refused } from './support';

const fresh = genesis();

async function addAndCheck(w: World, t: Trader, m: MarketId, side: Side, position: Parameters<typeof positionAt>[1], amount: bigint) {
  const pool = MARKETS[m].pool;
  const token = lockToken(m, side);
  const before = positionAt(w, position)!;
  const e = addCollateral({ position: before.state, amount, low: tokenQuote(w, token).low, decimals: TOKENS[token].decimals });
  const custodyExpected = custodyAfter(w, pool, token, { collateral: amount });
  const agg = market(w, m)[side];
  const vault = w.tokenBalance(vaultOf(w.addresses, pool, token));
  const r = await ok(w, [await addCollateralIx(w, t, m, side, amount)], [t.signer]);
  expect(positionAt(w, position)).toEqual({ ...before, state: e.position, updatedAt: w.nowS() });
  expect(custody(w, pool, token)).toEqual(custodyExpected);
  expect(market(w, m)[side]).toEqual(agg);
  expect(w.tokenBalance(vaultOf(w.addresses, pool, token))).toBe(vault + amount);
  expect(eventOf(r, 'collateralChanged')).toEqual({
    kind: 'collateralChanged',
    owner: t.address,
    position,
    market: w.addresses.markets[m],
    side,
    added: true,
    amount,
    amountUsd: e.addedUsd,
    collateralUsdBefore: before.state.collateralUsd,
    collateralUsdAfter: e.position.collateralUsd,
  });
}

function expectedRemoval(w: World, m: MarketId, position: Parameters<typeof positionAt>[1], amountUsd: bigint) {
  const p = positionAt(w, position)!;
  const token = lockToken(m, p.state.side);
  return removeCollateral({
    position: p.state,
    amountUsd,
    high: tokenQuote(w, token).high,
    decimals: TOKENS[token].decimals,
    pricePnlUsd: pricePnlUsd({ side: p.state.side, sizeUsd: p.state.sizeUsd, entryPrice: p.state.entryPrice, price: marketPrice(w, m) }),
    borrowFeeUsd: positionBorrowFeeUsd({ position: p.state, cumulativeInterest: custodyNow(w, MARKETS[m].pool, token).cumulativeInterest }),
    maxInitialLeverageBps: MARKETS[m].maxInitialLeverageBps,
  });
}

async function removeAndCheck(w: World, t: Trader, m: MarketId, side: Side, position: Parameters<typeof positionAt>[1], amountUsd: bigint) {
  const pool = MARKETS[m].pool;
  const token = lockToken(m, side);
  const before = positionAt(w, position)!;
  const e = expectedRemoval(w, m, position, amountUsd);
  const custodyExpected = custodyAfter(w, pool, token, { collateral: -e.amountOut });
  const wallet = w.tokenBalance(t.tokenAccounts[token]);
  const r = await ok(w, [await removeCollateralIx(w, t, m, side, amountUsd)], [t.signer]);
  expect(positionAt(w, position)).toEqual({ ...before, state: e.position, updatedAt: w.nowS() });
  expect(custody(w, pool, token)).toEqual(custodyExpected);
  expect(w.tokenBalance(t.tokenAccounts[token])).toBe(wallet + e.amountOut);
  expect(eventOf(r, 'collateralChanged')).toMatchObject({ added: false, amount: e.amountOut, amountUsd, collateralUsdBefore: before.state.collateralUsd, collateralUsdAfter: e.position.collateralUsd });
  return e;
}

describe('collateral', () => {
  it.each([
    { market: 'SOL' as const, side: 'long' as const, amount: ONE.SOL, leverageBps: 200_000n, add: 123_456_789n, removeUsd: 50_000_000n },
    { market: 'SOL' as const, side: 'short' as const, amount: 500n * ONE.USDC, leverageBps: 100_000n, add: 77n * ONE.USDC, removeUsd: 200_000_000n },
    { market: 'BONK' as const, side: 'long' as const, amount: 10_000_000n * ONE.BONK, leverageBps: 100_000n, add: 1_234_567n * ONE.BONK, removeUsd: 30_000_000n },
    { market: 'XAG' as const, side: 'short' as const, amount: 300n * ONE.USDC, leverageBps: 200_000n, add: 1n, removeUsd: 100_000_000n },
  ])('$market $side: add $add units, then withdraw $removeUsd µUSD after an hour and a price move', async ({ add, removeUsd, ...a }) => {
    const w = await fresh();
    const { t, position } = await opened(w, a, { [lockToken(a.market, a.side)]: add });
    await addAndCheck(w, t, a.market, a.side, position, add);
    w.advance(3_600n);
    await w.setPrices({ [MARKETS[a.market].feed]: (marketPrice(w, a.market) * 1_003n) / 1_000n });
    await removeAndCheck(w, t, a.market, a.side, position, removeUsd);
  });

  it('a profit does not back a withdrawal, a loss counts against it (GMX v1); the boundary is inclusive', async () => {
    const w = await fresh();
    const { t, position } = await opened(w, { market: 'SOL', side: 'short', amount: 1_000n * ONE.USDC, leverageBps: 500_000n });
    await w.setPrices({ SOL: 1_400_000_000_000n });
    // At 100x max, $50,000 of size needs $500 of collateral (no loss, no fee yet): withdrawing exactly $500 is allowed…
    const e = expectedRemoval(w, 'SOL', position, 500n * ONE.USDC);
    expect(e.position.collateralUsd).toBe(500n * ONE.USDC);
    // …a micro-dollar more is not, however large the profit.
    await refused(w, [await removeCollateralIx(w, t, 'SOL', 'short', 500n * ONE.USDC + 1n)], [t.signer], 'LEVERAGE_TOO_HIGH');
    await removeAndCheck(w, t, 'SOL', 'short', position, 500n * ONE.USDC);
  });
});

describe('refusals of collateral changes (exact code, nothing changed)', () => {
  it('add: nothing, worth nothing, more than the wallet, no position, another owner’s, unsigned, a stale price', async () => {
    const w = await fresh();
    const { t, position } = await opened(w, { market: 'BONK', side: 'long', amount: 10_000_000n * ONE.BONK, leverageBps: 20_000n });
    const other = await w.trader({ BONK: ONE.BONK });
    await refused(w, [await addCollateralIx(w, t, 'BONK', 'long', 0n)], [t.signer], 'AMOUNT_TOO_SMALL');
    const dust = await w.trader({ BONK: 1n });
    const dustOpen = await opened(w, { market: 'BONK', side: 'long', amount: 10_000_000n * ONE.BONK, leverageBps: 20_000n }, { BONK: 1n });
    await refused(w, [await addCollateralIx(w, dustOpen.t, 'BONK', 'long', 1n)], [dustOpen.t.signer], 'AMOUNT_TOO_SMALL');
    await refused(w, [await addCollateralIx(w, t, 'BONK', 'long', ONE.BONK)], [t.signer], 'INSUFFICIENT_BALANCE');
    await refused(w, [await addCollateralIx(w, dust, 'BONK', 'long', 1n)], [dust.signer], 'NOT_FOUND');
    await refused(w, [withAccount(await addCollateralIx(w, other, 'BONK', 'long', ONE.BONK), 2, position)], [other.signer], 'NOT_OWNER');
    await refused(w, [unsigned(await addCollateralIx(w, t, 'BONK', 'long', 1n), t.address)], [other.signer], 'MISSING_SIGNATURE');
    await refused(w, [withAccount(await addCollateralIx(w, other, 'BONK', 'long', ONE.BONK), 4, other.tokenAccounts.BONK)], [other.signer], 'NOT_FOUND');
    const ix = await addCollateralIx(w, dustOpen.t, 'BONK', 'long', ONE.BONK);
    await refused(w, [withAccount(ix, 4, other.tokenAccounts.BONK)], [dustOpen.t.signer], 'INVALID_TOKEN_ACCOUNT');
    await refused(w, [withAccount(ix, 3, custodyOf(w.addresses, 'ALP', 'SOL'))], [dustOpen.t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 5, other.tokenAccounts.BONK)], [dustOpen.t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 7, w.addresses.oracles.SOL)], [dustOpen.t.signer], 'INVALID_ORACLE');
    w.advance(31n);
    await refused(w, [ix], [dustOpen.t.signer], 'ORACLE_STALE');
  });

  it('remove: nothing, leaving under $10, over the max leverage, a closed market, stale, the wrong market, another’s receiver', async () => {
    const w = await fresh();
    const { t, position } = await opened(w, { market: 'XAU', side: 'long', amount: 100n * ONE.USDC, leverageBps: 20_000n });
    const other = await w.trader();
    await refused(w, [await removeCollateralIx(w, t, 'XAU', 'long', 0n)], [t.signer], 'AMOUNT_TOO_SMALL');
    await refused(w, [await removeCollateralIx(w, t, 'XAU', 'long', 90n * ONE.USDC + 1n)], [t.signer], 'REMAINING_COLLATERAL_TOO_SMALL');
    await refused(w, [await removeCollateralIx(w, t, 'XAU', 'long', 2n ** 64n - 1n)], [t.signer], 'REMAINING_COLLATERAL_TOO_SMALL');
    const high = await opened(w, { market: 'XAU', side: 'short', amount: 100n * ONE.USDC, leverageBps: 500_000n });
    await refused(w, [await removeCollateralIx(w, high.t, 'XAU', 'short', 1n)], [high.t.signer], 'LEVERAGE_TOO_HIGH');
    await refused(w, [await removeCollateralIx(w, other, 'XAU', 'long', ONE.USDC)], [other.signer], 'NOT_FOUND');
    await refused(w, [withAccount(await removeCollateralIx(w, other, 'XAU', 'long', ONE.USDC), 3, position)], [other.signer], 'NOT_OWNER');
    const ix = await removeCollateralIx(w, t, 'XAU', 'long', ONE.USDC);
    await refused(w, [unsigned(ix, t.address)], [other.signer], 'MISSING_SIGNATURE');
    await refused(w, [withAccount(ix, 2, w.addresses.markets.XAG)], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 5, vaultOf(w.addresses, 'ALP', 'USDC'))], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 6, other.tokenAccounts.USDC)], [t.signer], 'INVALID_TOKEN_ACCOUNT');
    w.advance(31n);
    await refused(w, [ix], [t.signer], 'ORACLE_STALE');
    w.advance(3n * 86_400n);
    await w.setPrices({ XAU: 26_500_000_000_000n });
    await refused(w, [ix], [t.signer], 'MARKET_CLOSED');
  });

  it('a SOL withdrawal of u64::MAX micro-dollars is refused, never wrapped', async () => {
    const w = await fresh();
    const { t } = await opened(w, { market: 'SOL', side: 'long', amount: ONE.SOL, leverageBps: 20_000n });
    await refused(w, [await removeCollateralIx(w, t, 'SOL', 'long', 2n ** 64n - 1n)], [t.signer], 'REMAINING_COLLATERAL_TOO_SMALL');
  });
});
