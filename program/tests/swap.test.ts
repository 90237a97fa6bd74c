/**
 * Swap (§8, ALP only): the fee at the larger of the two custodies' swap fees stays in the pool, the rest converts
 * at low in / high out; the ratio rule on both custodies; lib/math's swapQuote to the unit; every refusal.
 */
import { describe, expect, it } from 'vitest';
import type { TokenId } from '@/lib/math/ids';
import { TOKENS } from '@/lib/math/params';
import { swapFeeBps, swapQuote } from '@/lib/math/swap';
import { tokenToUsd } from '@/lib/math/convert';
import { custodyOf, vaultOf } from '@/lib/chain/addresses';
import { swapIx } from '@/lib/chain/testing/actions';
import { custody, custodyAfter, tokenQuote } from '@/lib/chain/testing/model';
import { unsigned, withAccount, withData } from '@/lib/chain/testing/tamper';
import type { World } from '@/lib/chain/testing/world';
import { eventOf, genesis, ok, ONE, opened, refused } from './support';

const fresh = genesis();

function quote(w: World, tokenIn: TokenId, tokenOut: TokenId, amountIn: bigint) {
  return swapQuote({
    amountIn,
    feeBps: swapFeeBps(tokenIn, tokenOut),
    lowIn: tokenQuote(w, tokenIn).low,
    decIn: TOKENS[tokenIn].decimals,
    highOut: tokenQuote(w, tokenOut).high,
    decOut: TOKENS[tokenOut].decimals,
  });
}

describe('swaps', () => {
  it.each<{ tokenIn: TokenId; tokenOut: TokenId; amountIn: bigint }>([
    { tokenIn: 'USDC', tokenOut: 'SOL', amountIn: 12_345n * ONE.USDC },
    { tokenIn: 'SOL', tokenOut: 'USDC', amountIn: 7n * ONE.SOL + 1n },
    { tokenIn: 'SOL', tokenOut: 'WBTC', amountIn: 100n * ONE.SOL },
    { tokenIn: 'WBTC', tokenOut: 'BONK', amountIn: ONE.WBTC / 7n },
    { tokenIn: 'BONK', tokenOut: 'SOL', amountIn: 123_456_789n * ONE.BONK },
    { tokenIn: 'USDC', tokenOut: 'WBTC', amountIn: 1n * ONE.USDC },
  ])('$tokenIn → $tokenOut', async ({ tokenIn, tokenOut, amountIn }) => {
    const w = await fresh();
    await w.setPrices({ SOL: 1_523_456_789_012n, BTC: 961_234_567_890_123n, BONK: 243_210n });
    const t = await w.trader({ [tokenIn]: amountIn });
    const q = quote(w, tokenIn, tokenOut, amountIn);
    const inAfter = custodyAfter(w, 'ALP', tokenIn, { owned: amountIn });
    const outAfter = custodyAfter(w, 'ALP', tokenOut, { owned: -q.amountOut });
    const vaultOut = w.tokenBalance(vaultOf(w.addresses, 'ALP', tokenOut));
    const r = await ok(w, [swapIx(w, t, tokenIn, tokenOut, amountIn, q.amountOut)], [t.signer]);
    expect(custody(w, 'ALP', tokenIn)).toEqual(inAfter);
    expect(custody(w, 'ALP', tokenOut)).toEqual(outAfter);
    expect(w.tokenBalance(t.tokenAccounts[tokenIn])).toBe(0n);
    expect(w.tokenBalance(t.tokenAccounts[tokenOut])).toBe(q.amountOut);
    expect(w.tokenBalance(vaultOf(w.addresses, 'ALP', tokenOut))).toBe(vaultOut - q.amountOut);
    expect(eventOf(r, 'swapped')).toEqual({
      kind: 'swapped',
      owner: t.address,
      pool: w.addresses.pools.ALP,
      custodyIn: custodyOf(w.addresses, 'ALP', tokenIn),
      custodyOut: custodyOf(w.addresses, 'ALP', tokenOut),
      amountIn,
      amountOut: q.amountOut,
      feeAmount: q.feeAmount,
      feeUsd: tokenToUsd({ amount: q.feeAmount, price: tokenQuote(w, tokenIn).low, decimals: TOKENS[tokenIn].decimals }, 'floor'),
    });
  });
});

describe('refusals of a swap (exact code, nothing changed)', () => {
  it('the same token, RWALP, an index out of range, nothing, dust, min out, the ratio band, more than the wallet', async () => {
    const w = await fresh();
    const t = await w.trader({ USDC: 2_000_000n * ONE.USDC, BONK: 1n });
    await refused(w, [swapIx(w, t, 'USDC', 'USDC', ONE.USDC)], [t.signer], 'INVALID_SWAP');
    await refused(w, [swapIx(w, t, 'USDC', 'USDC', ONE.USDC, 0n, 'RWALP')], [t.signer], 'INVALID_SWAP');
    await refused(w, [withData(swapIx(w, t, 'USDC', 'SOL', ONE.USDC), Uint8Array.of(4), 2)], [t.signer], 'UNSUPPORTED_COLLATERAL');
    await refused(w, [swapIx(w, t, 'USDC', 'SOL', 0n)], [t.signer], 'AMOUNT_TOO_SMALL');
    await refused(w, [swapIx(w, t, 'BONK', 'WBTC', 1n)], [t.signer], 'AMOUNT_TOO_SMALL');
    const q = quote(w, 'USDC', 'SOL', 1_000n * ONE.USDC);
    await refused(w, [swapIx(w, t, 'USDC', 'SOL', 1_000n * ONE.USDC, q.amountOut + 1n)], [t.signer], 'MIN_OUT_NOT_MET');
    // $1.5M of USDC for SOL: USDC ends at 45% (max 40%), SOL at 20% (min 28%).
    await refused(w, [swapIx(w, t, 'USDC', 'SOL', 1_500_000n * ONE.USDC)], [t.signer], 'RATIO_OUT_OF_BAND');
    const poor = await w.trader({ USDC: 10n * ONE.USDC });
    await refused(w, [swapIx(w, poor, 'USDC', 'SOL', 10n * ONE.USDC + 1n)], [poor.signer], 'INSUFFICIENT_BALANCE');
  });

  it('more than the out custody has free: INSUFFICIENT_LIQUIDITY (WBTC locked by BTC longs)', async () => {
    const w = await fresh();
    for (let i = 0; i < 2; i++) await opened(w, { market: 'BTC', side: 'long', token: 'USDC', amount: 10_000n * ONE.USDC, leverageBps: 1_000_000n });
    const wbtc = custody(w, 'ALP', 'WBTC');
    const t = await w.trader({ USDC: 600_000n * ONE.USDC });
    expect(quote(w, 'USDC', 'WBTC', 600_000n * ONE.USDC).amountOut).toBeGreaterThan(wbtc.owned - wbtc.locked);
    await refused(w, [swapIx(w, t, 'USDC', 'WBTC', 600_000n * ONE.USDC)], [t.signer], 'INSUFFICIENT_LIQUIDITY');
  });

  it('accounts: fake or swapped vaults, another owner’s funding or receiver, the wrong mint, unsigned, stale, no price', async () => {
    const w = await fresh();
    const t = await w.trader({ USDC: 1_000n * ONE.USDC });
    const other = await w.trader();
    const ix = swapIx(w, t, 'USDC', 'SOL', 100n * ONE.USDC);
    await refused(w, [withAccount(ix, 5, other.tokenAccounts.USDC)], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 6, vaultOf(w.addresses, 'ALP', 'WBTC'))], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(withAccount(ix, 5, vaultOf(w.addresses, 'ALP', 'SOL')), 6, vaultOf(w.addresses, 'ALP', 'USDC'))], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 3, other.tokenAccounts.USDC)], [t.signer], 'INVALID_TOKEN_ACCOUNT');
    await refused(w, [withAccount(ix, 4, other.tokenAccounts.SOL)], [t.signer], 'INVALID_TOKEN_ACCOUNT');
    await refused(w, [withAccount(ix, 4, t.tokenAccounts.WBTC)], [t.signer], 'INVALID_TOKEN_ACCOUNT');
    await refused(w, [withAccount(ix, 2, w.addresses.markets.SOL)], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [unsigned(ix, t.address)], [other.signer], 'MISSING_SIGNATURE');
    await refused(w, [{ ...ix, accounts: ix.accounts!.slice(0, -1) }], [t.signer], 'INVALID_ORACLE');
    w.advance(31n);
    await refused(w, [ix], [t.signer], 'ORACLE_STALE');
  });
});
