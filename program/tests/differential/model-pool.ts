/**
 * The model's pool-wide actions (lib/engine/actions/liquidity.ts, swap-core.ts, swap.ts, ratio-guard.ts and
 * pool-aum.ts): AUM, the ratio rule, swaps (also the one an ALP long posted in USDC makes), LP mint and burn.
 */
import type { MarketId, PoolId, TokenId } from '@/lib/math/ids';
import { MARKETS, POOLS, TOKENS, custodyParams, lockToken } from '@/lib/math/params';
import { aumUsd, type AumSide } from '@/lib/math/aum';
import { addLiquidityQuote, checkFreeLiquidity, checkMinOut, removeLiquidityQuote } from '@/lib/math/liquidity';
import { swapFeeBps, swapQuote } from '@/lib/math/swap';
import { checkRatioRule, custodyRatiosBps } from '@/lib/math/ratio';
import { tokenToUsd } from '@/lib/math/convert';
import type { ProgramEvent } from '@/lib/chain/events';
import { custodyOf } from '@/lib/chain/addresses';
import type { Action } from './model';
import { aggregateKey, refuse, type Book, type Tx } from './model-state';

/** §8 AUM of a locked pool at the current oracle (the engine's poolAumUsd). */
export function poolAum(tx: Tx, pool: PoolId): bigint {
  const custodies = POOLS[pool].custodies.map((token) => ({ owned: tx.custody(pool, token).owned, low: tx.tokenQuote(token).low, decimals: TOKENS[token].decimals }));
  const sides: AumSide[] = [];
  for (const [market, m] of Object.entries(MARKETS) as [MarketId, (typeof MARKETS)[MarketId]][]) {
    if (m.pool !== pool) continue;
    for (const side of ['long', 'short'] as const) {
      const agg = tx.s.aggregates[aggregateKey(market, side)]!;
      if (agg.sizeUsd === 0n && agg.carriedInterestUsd === 0n) continue;
      const price = tx.feedQuote(m.feed).price;
      sides.push({ side, agg, price, cumulativeInterest: tx.custody(pool, lockToken(market, side)).cumulativeInterest });
    }
  }
  return aumUsd({ custodies, sides });
}

export interface SwapPlan {
  tokenIn: TokenId;
  tokenOut: TokenId;
  amountIn: bigint;
  feeAmount: bigint;
  feeUsd: bigint;
  amountOut: bigint;
}

/** lib/engine/actions/ratio-guard.ts: the §8 ratio rule on each custody whose `owned` changes by `deltas`. */
export function checkRatios(tx: Tx, pool: PoolId, deltas: Partial<Record<TokenId, bigint>>): void {
  const tokens = POOLS[pool].custodies;
  if (tokens.length < 2) return;
  const ratios = (d: Partial<Record<TokenId, bigint>>) =>
    custodyRatiosBps(tokens.map((t) => tokenToUsd({ amount: tx.custody(pool, t).owned + (d[t] ?? 0n), price: tx.tokenQuote(t).low, decimals: TOKENS[t].decimals }, 'floor')));
  const before = ratios({});
  const after = ratios(deltas);
  for (const token of Object.keys(deltas) as TokenId[]) {
    const i = tokens.indexOf(token);
    const p = custodyParams(pool, token);
    checkRatioRule({ beforeBps: before[i] ?? 0n, afterBps: after[i] ?? 0n, minBps: p.minBps, maxBps: p.maxBps });
  }
}

/** lib/engine/actions/swap-core.ts planSwap. */
export function planSwap(tx: Tx, p: { pool: PoolId; tokenIn: TokenId; tokenOut: TokenId; amountIn: bigint; minAmountOut: bigint }): SwapPlan {
  if (p.pool !== 'ALP') refuse('INVALID_SWAP');
  custodyParams(p.pool, p.tokenIn);
  custodyParams(p.pool, p.tokenOut);
  if (p.amountIn <= 0n) refuse('AMOUNT_TOO_SMALL');
  const feeBps = swapFeeBps(p.tokenIn, p.tokenOut);
  const quoteIn = tx.tokenQuote(p.tokenIn);
  const quoteOut = tx.tokenQuote(p.tokenOut);
  const q = swapQuote({ amountIn: p.amountIn, feeBps, lowIn: quoteIn.low, decIn: TOKENS[p.tokenIn].decimals, highOut: quoteOut.high, decOut: TOKENS[p.tokenOut].decimals });
  const out = tx.custody(p.pool, p.tokenOut);
  checkFreeLiquidity({ owned: out.owned, locked: out.locked, amount: q.amountOut });
  checkMinOut({ amountOut: q.amountOut, minAmountOut: p.minAmountOut });
  checkRatios(tx, p.pool, { [p.tokenIn]: p.amountIn, [p.tokenOut]: -q.amountOut });
  const feeUsd = tokenToUsd({ amount: q.feeAmount, price: quoteIn.low, decimals: TOKENS[p.tokenIn].decimals }, 'floor');
  return { tokenIn: p.tokenIn, tokenOut: p.tokenOut, amountIn: p.amountIn, feeAmount: q.feeAmount, feeUsd, amountOut: q.amountOut };
}

export function applySwap(tx: Tx, pool: PoolId, plan: SwapPlan): void {
  tx.touch(pool, plan.tokenIn).owned += plan.amountIn;
  tx.touch(pool, plan.tokenOut).owned -= plan.amountOut;
}

/** lib/engine/actions/liquidity.ts addLiquidity. */
export function addLiquidity(tx: Tx, book: Book, a: Extract<Action, { kind: 'addLiquidity' }>): ProgramEvent {
  const params = custodyParams(a.pool, a.token);
  if (a.amount <= 0n) refuse('AMOUNT_TOO_SMALL');
  tx.lockPool(a.pool);
  const quote = tx.tokenQuote(a.token);
  const aum = poolAum(tx, a.pool);
  const supply = tx.s.lpSupply[a.pool];
  const q = addLiquidityQuote({ amount: a.amount, addFeeBps: params.addFeeBps, low: quote.low, decimals: TOKENS[a.token].decimals, aumUsd: aum, supply });
  checkMinOut({ amountOut: q.lpOut, minAmountOut: a.minLpOut });
  checkRatios(tx, a.pool, { [a.token]: a.amount });
  tx.debit(a.owner, a.token, a.amount);
  tx.touch(a.pool, a.token).owned += a.amount;
  tx.s.lpSupply[a.pool] = supply + q.lpOut;
  tx.credit(a.owner, a.pool, q.lpOut);
  return {
    kind: 'liquidityAdded',
    owner: a.owner,
    pool: book.addresses.pools[a.pool],
    custody: custodyOf(book.addresses, a.pool, a.token),
    amountIn: a.amount,
    amountOut: q.lpOut,
    feeAmount: q.feeAmount,
    feeUsd: tokenToUsd({ amount: q.feeAmount, price: quote.low, decimals: TOKENS[a.token].decimals }, 'floor'),
    valueUsd: q.valueUsd,
    aumUsd: aum,
    supplyAfter: supply + q.lpOut,
  };
}

/** lib/engine/actions/liquidity.ts removeLiquidity. */
export function removeLiquidity(tx: Tx, book: Book, a: Extract<Action, { kind: 'removeLiquidity' }>): ProgramEvent {
  const params = custodyParams(a.pool, a.token);
  if (a.lpAmount <= 0n) refuse('AMOUNT_TOO_SMALL');
  tx.lockPool(a.pool);
  const quote = tx.tokenQuote(a.token);
  const aum = poolAum(tx, a.pool);
  const supply = tx.s.lpSupply[a.pool];
  const q = removeLiquidityQuote({ lpAmount: a.lpAmount, aumUsd: aum, supply, high: quote.high, decimals: TOKENS[a.token].decimals, removeFeeBps: params.removeFeeBps });
  const custody = tx.custody(a.pool, a.token);
  checkFreeLiquidity({ owned: custody.owned, locked: custody.locked, amount: q.amountOut });
  checkMinOut({ amountOut: q.amountOut, minAmountOut: a.minAmountOut });
  checkRatios(tx, a.pool, { [a.token]: -q.amountOut });
  tx.debit(a.owner, a.pool, a.lpAmount);
  tx.touch(a.pool, a.token).owned -= q.amountOut;
  tx.s.lpSupply[a.pool] = supply - a.lpAmount;
  tx.credit(a.owner, a.token, q.amountOut);
  return {
    kind: 'liquidityRemoved',
    owner: a.owner,
    pool: book.addresses.pools[a.pool],
    custody: custodyOf(book.addresses, a.pool, a.token),
    amountIn: a.lpAmount,
    amountOut: q.amountOut,
    feeAmount: q.feeAmount,
    feeUsd: tokenToUsd({ amount: q.feeAmount, price: quote.high, decimals: TOKENS[a.token].decimals }, 'floor'),
    valueUsd: q.usdOut,
    aumUsd: aum,
    supplyAfter: supply - a.lpAmount,
  };
}

/** lib/engine/actions/swap.ts swap. */
export function swap(tx: Tx, book: Book, a: Extract<Action, { kind: 'swap' }>): ProgramEvent {
  tx.lockPool(a.pool);
  const plan = planSwap(tx, a);
  tx.debit(a.owner, a.tokenIn, a.amountIn);
  applySwap(tx, a.pool, plan);
  tx.credit(a.owner, a.tokenOut, plan.amountOut);
  return {
    kind: 'swapped',
    owner: a.owner,
    pool: book.addresses.pools[a.pool],
    custodyIn: custodyOf(book.addresses, a.pool, a.tokenIn),
    custodyOut: custodyOf(book.addresses, a.pool, a.tokenOut),
    amountIn: a.amountIn,
    amountOut: plan.amountOut,
    feeAmount: plan.feeAmount,
    feeUsd: plan.feeUsd,
  };
}
