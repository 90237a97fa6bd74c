/**
 * AddLiquidity and RemoveLiquidity (§8): LP minted and burnt at AUM / supply, fees kept by the pool, the ratio
 * rule; QueryPool's AUM and LP price equal lib/math's aumUsd / lpPriceUsd with positions open on every market; every
 * refusal.
 */
import { describe, expect, it } from 'vitest';
import { AccountRole } from '@solana/kit';
import type { PoolId, TokenId } from '@/lib/math/ids';
import { POOLS, TOKENS, custodyParams } from '@/lib/math/params';
import { addLiquidityQuote, lpPriceUsd, removeLiquidityQuote } from '@/lib/math/liquidity';
import { tokenToUsd } from '@/lib/math/convert';
import { custodyOf, vaultOf } from '@/lib/chain/addresses';
import { addLiquidityIx, closeIx, openIx, positionOf, removeLiquidityIx } from '@/lib/chain/testing/actions';
import { aumNow, custody, custodyAfter, lpSupply, market, tokenQuote } from '@/lib/chain/testing/model';
import { queryPool, simulateReturn } from '@/lib/chain/testing/simulate';
import { queryPoolInstruction } from '@/lib/chain/instructions';
import { indexOf, unsigned, withAccount, withData, withRole } from '@/lib/chain/testing/tamper';
import { traderFor, type Trader, type World } from '@/lib/chain/testing/world';
import { eventOf, genesis, ok, ONE, opened, refused } from './support';

const fresh = genesis();
const empty = genesis({ emptyPools: true });

async function addAndCheck(w: World, t: Trader, pool: PoolId, token: TokenId, amount: bigint) {
  const aum = aumNow(w, pool);
  const supply = lpSupply(w, pool);
  const low = tokenQuote(w, token).low;
  const q = addLiquidityQuote({ amount, addFeeBps: custodyParams(pool, token).addFeeBps, low, decimals: TOKENS[token].decimals, aumUsd: aum, supply });
  const custodyExpected = custodyAfter(w, pool, token, { owned: amount });
  const lp = w.tokenBalance(t.lpAccounts[pool]);
  const vault = w.tokenBalance(vaultOf(w.addresses, pool, token));
  const r = await ok(w, [addLiquidityIx(w, t, pool, token, amount, q.lpOut)], [t.signer]);
  expect(custody(w, pool, token)).toEqual(custodyExpected);
  expect(w.tokenBalance(t.lpAccounts[pool])).toBe(lp + q.lpOut);
  expect(lpSupply(w, pool)).toBe(supply + q.lpOut);
  expect(w.tokenBalance(vaultOf(w.addresses, pool, token))).toBe(vault + amount);
  expect(eventOf(r, 'liquidityAdded')).toEqual({
    kind: 'liquidityAdded',
    owner: t.address,
    pool: w.addresses.pools[pool],
    custody: custodyOf(w.addresses, pool, token),
    amountIn: amount,
    amountOut: q.lpOut,
    feeAmount: q.feeAmount,
    feeUsd: tokenToUsd({ amount: q.feeAmount, price: low, decimals: TOKENS[token].decimals }, 'floor'),
    valueUsd: q.valueUsd,
    aumUsd: aum,
    supplyAfter: supply + q.lpOut,
  });
  return q;
}

async function removeAndCheck(w: World, t: Trader, pool: PoolId, token: TokenId, lpAmount: bigint) {
  const aum = aumNow(w, pool);
  const supply = lpSupply(w, pool);
  const high = tokenQuote(w, token).high;
  const q = removeLiquidityQuote({ lpAmount, aumUsd: aum, supply, high, decimals: TOKENS[token].decimals, removeFeeBps: custodyParams(pool, token).removeFeeBps });
  const custodyExpected = custodyAfter(w, pool, token, { owned: -q.amountOut });
  const wallet = w.tokenBalance(t.tokenAccounts[token]);
  const lp = w.tokenBalance(t.lpAccounts[pool]);
  const r = await ok(w, [removeLiquidityIx(w, t, pool, token, lpAmount, q.amountOut)], [t.signer]);
  expect(custody(w, pool, token)).toEqual(custodyExpected);
  expect(w.tokenBalance(t.tokenAccounts[token])).toBe(wallet + q.amountOut);
  expect(w.tokenBalance(t.lpAccounts[pool])).toBe(lp - lpAmount);
  expect(lpSupply(w, pool)).toBe(supply - lpAmount);
  expect(eventOf(r, 'liquidityRemoved')).toEqual({
    kind: 'liquidityRemoved',
    owner: t.address,
    pool: w.addresses.pools[pool],
    custody: custodyOf(w.addresses, pool, token),
    amountIn: lpAmount,
    amountOut: q.amountOut,
    feeAmount: q.feeAmount,
    feeUsd: tokenToUsd({ amount: q.feeAmount, price: high, decimals: TOKENS[token].decimals }, 'floor'),
    valueUsd: q.usdOut,
    aumUsd: aum,
    supplyAfter: supply - lpAmount,
  });
  return q;
}

/** Positions on every market of both pools, some time, moved prices: AUM has PnL and borrow fees in it. */
async function busy(w: World) {
  await opened(w, { market: 'SOL', side: 'long', amount: 20n * ONE.SOL, leverageBps: 100_000n });
  await opened(w, { market: 'SOL', side: 'short', amount: 5_000n * ONE.USDC, leverageBps: 200_000n });
  await opened(w, { market: 'BTC', side: 'long', token: 'USDC', amount: 8_000n * ONE.USDC, leverageBps: 150_000n });
  await opened(w, { market: 'BTC', side: 'short', amount: 3_000n * ONE.USDC, leverageBps: 300_000n });
  await opened(w, { market: 'BONK', side: 'long', amount: 100_000_000n * ONE.BONK, leverageBps: 200_000n });
  await opened(w, { market: 'XAU', side: 'long', amount: 1_000n * ONE.USDC, leverageBps: 400_000n });
  await opened(w, { market: 'XAG', side: 'short', amount: 1_000n * ONE.USDC, leverageBps: 300_000n });
  await opened(w, { market: 'WTI', side: 'long', amount: 700n * ONE.USDC, leverageBps: 100_000n });
  w.advance(7n * 3_600n);
  await w.setPrices({ SOL: 1_561_234_567_890n, BTC: 932_109_876_543_210n, BONK: 262_345n, XAU: 26_123_456_789_012n, XAG: 318_765_432_109n, WTI: 690_000_000_001n });
}

describe('liquidity', () => {
  it.each<{ pool: PoolId; token: TokenId; amount: bigint }>([
    { pool: 'ALP', token: 'USDC', amount: 10_000n * ONE.USDC },
    { pool: 'ALP', token: 'SOL', amount: 33n * ONE.SOL + 123_456_789n },
    { pool: 'ALP', token: 'WBTC', amount: ONE.WBTC / 3n },
    { pool: 'ALP', token: 'BONK', amount: 987_654_321n * ONE.BONK },
    { pool: 'RWALP', token: 'USDC', amount: 55_555n * ONE.USDC + 5n },
  ])('$pool $token: add with positions open, then remove half of what was minted', async ({ pool, token, amount }) => {
    const w = await fresh();
    await busy(w);
    const t = await w.trader({ [token]: amount });
    const { lpOut } = await addAndCheck(w, t, pool, token, amount);
    w.advance(600n);
    await w.setPrices({ SOL: 1_561_234_567_890n, BTC: 932_109_876_543_210n, BONK: 262_345n, XAU: 26_123_456_789_012n, XAG: 318_765_432_109n, WTI: 690_000_000_001n });
    await removeAndCheck(w, t, pool, token, lpOut / 2n);
  });

  it('QueryPool answers lib/math’s AUM, supply and LP price on both pools, before and after trading', async () => {
    const w = await fresh();
    for (const pool of ['ALP', 'RWALP'] as const) {
      const q = await queryPool(w, pool);
      expect(q).toMatchObject({ aumUsd: aumNow(w, pool), supply: lpSupply(w, pool), lpPriceUsd: lpPriceUsd({ aumUsd: aumNow(w, pool), supply: lpSupply(w, pool) }) });
    }
    const check = async () => {
      for (const pool of ['ALP', 'RWALP'] as const) {
        const q = await queryPool(w, pool);
        expect(q).toMatchObject({ aumUsd: aumNow(w, pool), supply: lpSupply(w, pool), lpPriceUsd: lpPriceUsd({ aumUsd: aumNow(w, pool), supply: lpSupply(w, pool) }) });
      }
    };
    await busy(w);
    await check();
    // Carried interest (a partial close, an increase) and interest accrued since the last write, read as of now.
    const { t } = await opened(w, { market: 'XAU', side: 'short', amount: 900n * ONE.USDC, leverageBps: 300_000n }, { USDC: 300n * ONE.USDC });
    w.advance(9n * 3_600n);
    const prices = { SOL: 1_561_234_567_890n, BTC: 932_109_876_543_210n, BONK: 262_345n, XAU: 26_123_456_789_012n, XAG: 318_765_432_109n, WTI: 690_000_000_001n };
    await w.setPrices(prices);
    await ok(w, [await closeIx(w, t, 'XAU', 'short', 3_000n)], [t.signer]);
    w.advance(2n * 3_600n);
    await w.setPrices(prices);
    await ok(w, [await openIx(w, t, { market: 'XAU', side: 'short', amount: 300n * ONE.USDC, leverageBps: 100_000n })], [t.signer]);
    w.advance(3n * 3_600n + 7n);
    await w.setPrices(prices);
    expect(market(w, 'XAU').short.carriedInterestUsd).toBeGreaterThan(0n);
    await check();
  });

  it('QueryPool refuses a stale price (ORACLE_STALE) and another pool’s LP mint (INVALID_ACCOUNT), writing nothing', async () => {
    const w = await fresh();
    await expect(simulateReturn(w, withAccount(queryPoolInstruction(w.addresses, 'ALP'), 2, w.addresses.lpMints.RWALP), w.keeper)).rejects.toThrow('INVALID_ACCOUNT');
    w.advance(31n);
    await expect(queryPool(w, 'ALP')).rejects.toThrow('ORACLE_STALE');
  });

  it('the genesis owner redeems ALP into each custody', async () => {
    const w = await fresh();
    const admin = await traderFor(w, w.admin, {});
    for (const token of POOLS.ALP.custodies) await removeAndCheck(w, admin, 'ALP', token, 10_000n * ONE.USDC);
    await removeAndCheck(w, admin, 'RWALP', 'USDC', 500_000n * ONE.USDC);
  });

  it('the first deposit into an empty RWALP mints its value ($1 per LP)', async () => {
    const w = await empty();
    const t = await w.trader({ USDC: 1_000n * ONE.USDC });
    const q = await addAndCheck(w, t, 'RWALP', 'USDC', 1_000n * ONE.USDC);
    expect(q.lpOut).toBe(1_000n * ONE.USDC);
  });
});

describe('refusals of liquidity (exact code, nothing changed)', () => {
  it('add: no amount, dust, min out, a custody index out of range, the ratio band, more than the wallet', async () => {
    const w = await fresh();
    const t = await w.trader({ USDC: 3_000_000n * ONE.USDC, BONK: 1n });
    await refused(w, [addLiquidityIx(w, t, 'ALP', 'USDC', 0n)], [t.signer], 'AMOUNT_TOO_SMALL');
    await refused(w, [addLiquidityIx(w, t, 'ALP', 'BONK', 1n)], [t.signer], 'AMOUNT_TOO_SMALL');
    const q = addLiquidityQuote({ amount: 100n * ONE.USDC, addFeeBps: 0n, low: 10n ** 10n, decimals: 6, aumUsd: aumNow(w, 'ALP'), supply: lpSupply(w, 'ALP') });
    await refused(w, [addLiquidityIx(w, t, 'ALP', 'USDC', 100n * ONE.USDC, q.lpOut + 1n)], [t.signer], 'MIN_OUT_NOT_MET');
    await refused(w, [withData(addLiquidityIx(w, t, 'ALP', 'USDC', ONE.USDC), Uint8Array.of(4), 1)], [t.signer], 'UNSUPPORTED_COLLATERAL');
    await refused(w, [withData(addLiquidityIx(w, t, 'RWALP', 'USDC', ONE.USDC), Uint8Array.of(1), 1)], [t.signer], 'UNSUPPORTED_COLLATERAL');
    // USDC at 30% of ALP: $2.2M more puts it at 41.5%, over its 40% maximum.
    await refused(w, [addLiquidityIx(w, t, 'ALP', 'USDC', 2_200_000n * ONE.USDC)], [t.signer], 'RATIO_OUT_OF_BAND');
    await refused(w, [addLiquidityIx(w, t, 'RWALP', 'USDC', 3_000_000n * ONE.USDC + 1n)], [t.signer], 'INSUFFICIENT_BALANCE');
  });

  it('add: a stale price of any custody, a missing price, a fake vault, another owner’s accounts, unsigned, read-only', async () => {
    const w = await fresh();
    const t = await w.trader({ USDC: 1_000n * ONE.USDC });
    const other = await w.trader({ USDC: 1_000n * ONE.USDC });
    const ix = addLiquidityIx(w, t, 'ALP', 'USDC', 100n * ONE.USDC);
    await refused(w, [withAccount(ix, 6, vaultOf(w.addresses, 'ALP', 'SOL'))], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 6, other.tokenAccounts.USDC)], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 4, other.tokenAccounts.USDC)], [t.signer], 'INVALID_TOKEN_ACCOUNT');
    await refused(w, [withAccount(ix, 5, other.lpAccounts.ALP)], [t.signer], 'INVALID_TOKEN_ACCOUNT');
    await refused(w, [withAccount(ix, 5, t.lpAccounts.RWALP)], [t.signer], 'INVALID_TOKEN_ACCOUNT');
    await refused(w, [withAccount(ix, 3, w.addresses.lpMints.RWALP)], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [unsigned(ix, t.address)], [other.signer], 'MISSING_SIGNATURE');
    await refused(w, [withRole(ix, indexOf(ix, custodyOf(w.addresses, 'ALP', 'USDC')), AccountRole.READONLY)], [t.signer], 'ACCOUNT_NOT_WRITABLE');
    await refused(w, [withAccount(ix, indexOf(ix, w.addresses.oracles.BONK), w.addresses.oracles.XAU)], [t.signer], 'INVALID_ORACLE');
    w.advance(31n);
    await w.setPrices({ SOL: 1_500_000_000_000n, BTC: 950_000_000_000_000n });
    await refused(w, [ix], [t.signer], 'ORACLE_STALE');
  });

  it('add: the pool’s lists are checked: custodies out of order, a market missing, a position as the pool', async () => {
    const w = await fresh();
    const { t, position } = await opened(w, { market: 'SOL', side: 'short', amount: 200n * ONE.USDC, leverageBps: 20_000n }, { USDC: 100n * ONE.USDC });
    const ix = addLiquidityIx(w, t, 'ALP', 'USDC', 100n * ONE.USDC);
    const sol = indexOf(ix, custodyOf(w.addresses, 'ALP', 'SOL'));
    const btc = indexOf(ix, custodyOf(w.addresses, 'ALP', 'WBTC'));
    await refused(w, [withAccount(withAccount(ix, sol, custodyOf(w.addresses, 'ALP', 'WBTC')), btc, custodyOf(w.addresses, 'ALP', 'SOL'))], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, indexOf(ix, w.addresses.markets.BONK), w.addresses.markets.XAU)], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 2, position)], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 2, w.addresses.pools.RWALP)], [t.signer], 'INVALID_ACCOUNT');
    expect(await positionOf(w, t.address, 'SOL', 'short')).toBe(position);
  });

  it('remove: nothing, more than held or than exists, min out, the ratio band, locked liquidity, a stale price', async () => {
    const w = await fresh();
    const admin = await traderFor(w, w.admin, {});
    const t = await w.trader({ USDC: 1_000n * ONE.USDC });
    await ok(w, [addLiquidityIx(w, t, 'ALP', 'USDC', 1_000n * ONE.USDC)], [t.signer]);
    const held = w.tokenBalance(t.lpAccounts.ALP);
    await refused(w, [removeLiquidityIx(w, t, 'ALP', 'USDC', 0n)], [t.signer], 'AMOUNT_TOO_SMALL');
    await refused(w, [removeLiquidityIx(w, t, 'ALP', 'USDC', held + 1n)], [t.signer], 'INSUFFICIENT_BALANCE');
    await refused(w, [removeLiquidityIx(w, t, 'ALP', 'USDC', lpSupply(w, 'ALP') + 1n)], [t.signer], 'INSUFFICIENT_BALANCE');
    await refused(w, [removeLiquidityIx(w, t, 'ALP', 'USDC', held, 1_000n * ONE.USDC)], [t.signer], 'MIN_OUT_NOT_MET');
    // $1.5M of USDC out of ALP leaves it at 17.6%, under its 25% minimum.
    await refused(w, [removeLiquidityIx(w, admin, 'ALP', 'USDC', 1_500_000n * ONE.USDC)], [w.admin], 'RATIO_OUT_OF_BAND');
    // RWALP (one custody, no ratio rule): lock most of its USDC, then redeem more than is free.
    for (let i = 0; i < 5; i++) await opened(w, { market: ['XAU', 'XAG', 'WTI', 'XAU', 'XAG'][i] as 'XAU', side: i < 3 ? 'long' : 'short', amount: 2_000n * ONE.USDC, leverageBps: 500_000n });
    await refused(w, [removeLiquidityIx(w, admin, 'RWALP', 'USDC', 600_000n * ONE.USDC)], [w.admin], 'INSUFFICIENT_LIQUIDITY');
    w.advance(31n);
    await refused(w, [removeLiquidityIx(w, t, 'ALP', 'USDC', held)], [t.signer], 'ORACLE_STALE');
  });

  it('remove: another owner’s LP account, a receiver of another owner or mint, a fake vault', async () => {
    const w = await fresh();
    const admin = await traderFor(w, w.admin, {});
    const t = await w.trader();
    const ix = removeLiquidityIx(w, admin, 'ALP', 'SOL', ONE.USDC);
    await refused(w, [withAccount(ix, 4, t.lpAccounts.ALP)], [w.admin], 'INVALID_TOKEN_ACCOUNT');
    await refused(w, [withAccount(ix, 5, t.tokenAccounts.SOL)], [w.admin], 'INVALID_TOKEN_ACCOUNT');
    await refused(w, [withAccount(ix, 5, admin.tokenAccounts.USDC)], [w.admin], 'INVALID_TOKEN_ACCOUNT');
    await refused(w, [withAccount(ix, 6, vaultOf(w.addresses, 'ALP', 'USDC'))], [w.admin], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 6, admin.tokenAccounts.SOL)], [w.admin], 'INVALID_ACCOUNT');
    await refused(w, [unsigned(ix, w.admin.address)], [t.signer], 'MISSING_SIGNATURE');
    await refused(w, [removeLiquidityIx(w, t, 'ALP', 'SOL', ONE.USDC)], [t.signer], 'INSUFFICIENT_BALANCE');
  });

  it('an empty pool: removing is POOL_EMPTY; the first ALP deposit of one token breaks the ratio band', async () => {
    const w = await empty();
    const t = await w.trader({ USDC: 1_000n * ONE.USDC });
    await refused(w, [removeLiquidityIx(w, t, 'RWALP', 'USDC', ONE.USDC)], [t.signer], 'POOL_EMPTY');
    await refused(w, [addLiquidityIx(w, t, 'ALP', 'USDC', 1_000n * ONE.USDC)], [t.signer], 'RATIO_OUT_OF_BAND');
  });
});

