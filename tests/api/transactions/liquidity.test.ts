/**
 * POST /api/transactions/{addLiquidity, removeLiquidity, swap} on the local chain: LP minted and burnt at AUM /
 * supply, swaps at lowIn / highOut, each figure lib/math's (to the unit), native SOL wrapped, and every refusal
 * with its status and code, nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PoolId, TokenId } from '@/lib/math/ids';
import { CUSTODIES, TOKENS } from '@/lib/math/params';
import { addLiquidityQuote, removeLiquidityQuote } from '@/lib/math/liquidity';
import { swapFeeBps, swapQuote } from '@/lib/math/swap';
import { aumUsd } from '@/lib/math/aum';
import { POOLS } from '@/lib/math/params';
import type { ChainSnapshot } from '@/lib/chain-runtime/snapshot';
import { startChainHarness, type ChainHarness } from './harness';
import { quoteOf } from './expected';

let h: ChainHarness;
beforeAll(async () => {
  h = await startChainHarness();
}, 120_000);
afterAll(async () => h.close());

const ONE_SOL = 1_000_000_000n;

/** §8 AUM from the snapshot (no position is open in this file: the custodies at low). */
function aum(s: ChainSnapshot, pool: PoolId): bigint {
  return aumUsd({ custodies: POOLS[pool].custodies.map((t) => ({ owned: s.custody(pool, t).owned, low: quoteOf(s, t).low, decimals: TOKENS[t].decimals })), sides: [] });
}

function expectedAdd(s: ChainSnapshot, pool: PoolId, token: TokenId, amount: bigint) {
  return addLiquidityQuote({ amount, addFeeBps: CUSTODIES[pool][token]!.addFeeBps, low: quoteOf(s, token).low, decimals: TOKENS[token].decimals, aumUsd: aum(s, pool), supply: s.lpSupply(pool) });
}

function expectedRemove(s: ChainSnapshot, pool: PoolId, token: TokenId, lpAmount: bigint) {
  return removeLiquidityQuote({ lpAmount, aumUsd: aum(s, pool), supply: s.lpSupply(pool), high: quoteOf(s, token).high, decimals: TOKENS[token].decimals, removeFeeBps: CUSTODIES[pool][token]!.removeFeeBps });
}

describe('addLiquidity and removeLiquidity', () => {
  it('mints ALP for USDC and burns it for WBTC at AUM / supply; the LP account is created in the same transaction', async () => {
    const w = await h.wallet({ lamports: ONE_SOL, USDC: 5_000_000_000n });
    const add = expectedAdd(h.snapshot(), 'ALP', 'USDC', 5_000_000_000n);
    const owned = h.snapshot().custody('ALP', 'USDC').owned;
    await h.act(w, 'addLiquidity', { pool: 'ALP', token: 'USDC', amount: '5000000000', minLpOut: add.lpOut.toString() });
    expect(h.balance(w.address, 'ALP')).toBe(add.lpOut);
    expect(h.balance(w.address, 'USDC')).toBe(0n);
    expect(h.snapshot().custody('ALP', 'USDC').owned).toBe(owned + 5_000_000_000n);
    const lp = add.lpOut / 2n;
    const remove = expectedRemove(h.snapshot(), 'ALP', 'WBTC', lp);
    await h.act(w, 'removeLiquidity', { pool: 'ALP', token: 'WBTC', lpAmount: lp.toString(), minAmountOut: remove.amountOut.toString() });
    expect(h.balance(w.address, 'ALP')).toBe(add.lpOut - lp);
    expect(h.balance(w.address, 'WBTC')).toBe(remove.amountOut);
  });

  it('deposits native SOL (wrapped in the transaction) and RWALP USDC', async () => {
    const w = await h.wallet({ lamports: 11n * ONE_SOL, USDC: 1_000_000_000n });
    const sol = expectedAdd(h.snapshot(), 'ALP', 'SOL', 10n * ONE_SOL);
    await h.act(w, 'addLiquidity', { pool: 'ALP', token: 'SOL', amount: (10n * ONE_SOL).toString(), minLpOut: '0' });
    expect(h.balance(w.address, 'ALP')).toBe(sol.lpOut);
    expect(h.balance(w.address, 'SOL')).toBe(0n);
    const rwa = expectedAdd(h.snapshot(), 'RWALP', 'USDC', 1_000_000_000n);
    await h.act(w, 'addLiquidity', { pool: 'RWALP', token: 'USDC', amount: '1000000000', minLpOut: '0' });
    expect(h.balance(w.address, 'RWALP')).toBe(rwa.lpOut);
    const back = expectedRemove(h.snapshot(), 'RWALP', 'USDC', rwa.lpOut);
    await h.act(w, 'removeLiquidity', { pool: 'RWALP', token: 'USDC', lpAmount: rwa.lpOut.toString(), minAmountOut: '0' });
    expect(h.balance(w.address, 'USDC')).toBe(back.amountOut);
    expect(h.balance(w.address, 'RWALP')).toBe(0n);
  });

  it('refusals: UNSUPPORTED_COLLATERAL, MIN_OUT_NOT_MET, RATIO_OUT_OF_BAND, INSUFFICIENT_BALANCE, AMOUNT_TOO_SMALL', async () => {
    const w = await h.wallet({ lamports: ONE_SOL, USDC: 100_000_000n, BONK: 3_000_000_000_000_000n });
    expect(await h.refused(w, 'addLiquidity', { pool: 'RWALP', token: 'SOL', amount: '1000', minLpOut: '0' }, 422, 'UNSUPPORTED_COLLATERAL')).toBe(
      'RWALP has no SOL custody; use USDC.',
    );
    const q = expectedAdd(h.snapshot(), 'ALP', 'USDC', 100_000_000n);
    expect(await h.refused(w, 'addLiquidity', { pool: 'ALP', token: 'USDC', amount: '100000000', minLpOut: (q.lpOut + 1n).toString() }, 422, 'MIN_OUT_NOT_MET')).toBe(
      `You would receive ${q.lpOut} units, fewer than your minimum of ${q.lpOut + 1n}; lower the minimum or try again.`,
    );
    expect(await h.refused(w, 'addLiquidity', { pool: 'ALP', token: 'BONK', amount: '3000000000000000', minLpOut: '0' }, 422, 'RATIO_OUT_OF_BAND')).toMatch(
      /^BONK would be 1[5-9](\.\d+)?% of ALP; the maximum is 15%\.$/,
    );
    expect(await h.refused(w, 'addLiquidity', { pool: 'ALP', token: 'USDC', amount: '100000001', minLpOut: '0' }, 422, 'INSUFFICIENT_BALANCE')).toBe(
      'Not enough USDC in your wallet for this deposit: you have 100, this needs 100.000001.',
    );
    expect(await h.refused(w, 'addLiquidity', { pool: 'ALP', token: 'BONK', amount: '1', minLpOut: '0' }, 422, 'AMOUNT_TOO_SMALL')).toBe(
      'This deposit is too small to mint any LP token; deposit more.',
    );
  });

  it('removeLiquidity refusals: INSUFFICIENT_BALANCE, MIN_OUT_NOT_MET, AMOUNT_TOO_SMALL, RATIO_OUT_OF_BAND', async () => {
    const w = await h.wallet({ lamports: 4_801n * ONE_SOL });
    await h.act(w, 'addLiquidity', { pool: 'ALP', token: 'SOL', amount: (4_800n * ONE_SOL).toString(), minLpOut: '0' });
    const lp = h.balance(w.address, 'ALP');
    expect(lp).toBeGreaterThan(700_000_000_000n);
    expect(await h.refused(w, 'removeLiquidity', { pool: 'ALP', token: 'SOL', lpAmount: (lp + 1n).toString(), minAmountOut: '0' }, 422, 'INSUFFICIENT_BALANCE')).toMatch(
      /^Not enough ALP in your wallet for this redemption: you have [\d,.]+, this needs [\d,.]+\.$/,
    );
    const q = expectedRemove(h.snapshot(), 'ALP', 'USDC', 1_000_000n);
    await h.refused(w, 'removeLiquidity', { pool: 'ALP', token: 'USDC', lpAmount: '1000000', minAmountOut: (q.amountOut + 1n).toString() }, 422, 'MIN_OUT_NOT_MET');
    expect(await h.refused(w, 'removeLiquidity', { pool: 'ALP', token: 'WBTC', lpAmount: '1', minAmountOut: '0' }, 422, 'AMOUNT_TOO_SMALL')).toBe(
      'This redemption is too small to pay out any token; redeem more.',
    );
    expect(await h.refused(w, 'removeLiquidity', { pool: 'ALP', token: 'USDC', lpAmount: lp.toString(), minAmountOut: '0' }, 422, 'RATIO_OUT_OF_BAND')).toMatch(
      /^USDC would be 2[0-4](\.\d+)?% of ALP; the minimum is 25%\.$/,
    );
    expect(await h.refused(w, 'removeLiquidity', { pool: 'RWALP', token: 'WBTC', lpAmount: '1', minAmountOut: '0' }, 422, 'UNSUPPORTED_COLLATERAL')).toBe(
      'RWALP has no WBTC custody; use USDC.',
    );
  });
});

describe('swap', () => {
  it('swaps native SOL for USDC and USDC for BONK at lowIn / highOut less the larger fee', async () => {
    const w = await h.wallet({ lamports: 3n * ONE_SOL });
    const s1 = h.snapshot();
    const q1 = swapQuote({ amountIn: 2n * ONE_SOL, feeBps: swapFeeBps('SOL', 'USDC'), lowIn: quoteOf(s1, 'SOL').low, decIn: 9, highOut: quoteOf(s1, 'USDC').high, decOut: 6 });
    await h.act(w, 'swap', { pool: 'ALP', tokenIn: 'SOL', tokenOut: 'USDC', amountIn: (2n * ONE_SOL).toString(), minAmountOut: q1.amountOut.toString() });
    expect(h.balance(w.address, 'USDC')).toBe(q1.amountOut);
    expect(h.balance(w.address, 'SOL')).toBe(0n);
    const s2 = h.snapshot();
    const q2 = swapQuote({ amountIn: 100_000_000n, feeBps: swapFeeBps('USDC', 'BONK'), lowIn: quoteOf(s2, 'USDC').low, decIn: 6, highOut: quoteOf(s2, 'BONK').high, decOut: 5 });
    await h.act(w, 'swap', { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'BONK', amountIn: '100000000', minAmountOut: '0' });
    expect(h.balance(w.address, 'BONK')).toBe(q2.amountOut);
    expect(h.balance(w.address, 'USDC')).toBe(q1.amountOut - 100_000_000n);
  });

  it('refusals: INVALID_SWAP, MIN_OUT_NOT_MET, RATIO_OUT_OF_BAND, INSUFFICIENT_BALANCE, AMOUNT_TOO_SMALL', async () => {
    const w = await h.wallet({ lamports: ONE_SOL, USDC: 700_000_000_000n });
    expect(await h.refused(w, 'swap', { pool: 'RWALP', tokenIn: 'USDC', tokenOut: 'USDC', amountIn: '1000000', minAmountOut: '0' }, 422, 'INVALID_SWAP')).toBe(
      'Only the ALP pool swaps; RWALP holds USDC alone.',
    );
    expect(await h.refused(w, 'swap', { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'USDC', amountIn: '1000000', minAmountOut: '0' }, 422, 'INVALID_SWAP')).toBe(
      'Choose two different tokens to swap; both are USDC.',
    );
    await h.refused(w, 'swap', { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'SOL', amountIn: '1000000', minAmountOut: '100000000' }, 422, 'MIN_OUT_NOT_MET');
    expect(await h.refused(w, 'swap', { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'WBTC', amountIn: '700000000000', minAmountOut: '0' }, 422, 'RATIO_OUT_OF_BAND')).toMatch(
      /^WBTC would be 1\d(\.\d+)?% of ALP; the minimum is 20%\.$/,
    );
    expect(await h.refused(w, 'swap', { pool: 'ALP', tokenIn: 'SOL', tokenOut: 'USDC', amountIn: (2n * ONE_SOL).toString(), minAmountOut: '0' }, 422, 'INSUFFICIENT_BALANCE')).toMatch(
      /^Not enough SOL in your wallet for this swap: you have 0\.99\d+ \(wrapped and native, after the fee\), this needs 2\.$/,
    );
    expect(await h.refused(w, 'swap', { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'WBTC', amountIn: '1', minAmountOut: '0' }, 422, 'AMOUNT_TOO_SMALL')).toBe(
      'This swap is too small to pay out any token; swap more.',
    );
  });
});
