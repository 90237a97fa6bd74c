/**
 * The program's shared checks, in lib/math over a ChainSnapshot and in the program's order: fresh prices (§2,
 * ORACLE_STALE), market hours (§3), the §8 ratio rule and the swap plan. The previews (quote) and the refusal
 * explanations are built from these, so a refusal reads like the engine's messages ("The SOL price ($150) is 31s
 * old, over the 30s limit; …").
 */
import { MARKET_IDS, SIDES, type FeedId, type MarketId, type PoolId, type Side, type TokenId } from '@/lib/math/ids';
import { MARKETS, POOLS, PROTOCOL, TOKENS } from '@/lib/math/params';
import { ProtocolError } from '@/lib/math/errors';
import { describeLeverage, describePrice } from '@/lib/math/describe';
import { validateLimitTrigger } from '@/lib/math/triggers';
import { isMarketOpen, nextOpenS } from '@/lib/math/market-hours';
import { isPriceStale } from '@/lib/math/oracle-band';
import { custodyRatiosBps, checkRatioRule } from '@/lib/math/ratio';
import { tokenToUsd } from '@/lib/math/convert';
import { swapQuote } from '@/lib/math/swap';
import { checkFreeLiquidity, checkMinOut } from '@/lib/math/liquidity';
import type { ChainSnapshot, Quote } from '@/lib/chain-runtime/snapshot';
import { chainPoolAumUsd } from '@/lib/chain-runtime/views/pools';

/** The program's staleness limit: the config account's, else the server's. */
export function maxPriceAgeS(s: ChainSnapshot): number {
  return Number(s.state.config?.maxPriceAgeS ?? BigInt(s.maxPriceAgeS));
}

/** A feed's fresh quote as the program reads it: INVALID_PRICE when 0, ORACLE_STALE when too old. */
export function freshFeed(s: ChainSnapshot, feed: FeedId): Quote {
  const q = s.feedQuote(feed);
  if (q.price === 0n) throw new ProtocolError('INVALID_PRICE', `There is no ${feed} price yet; try again in a few seconds.`);
  const maxAgeS = maxPriceAgeS(s);
  if (isPriceStale({ publishTime: q.publishTime, nowS: s.nowS, maxAgeS })) {
    throw new ProtocolError(
      'ORACLE_STALE',
      `The ${feed} price (${describePrice(q.price)}) is ${s.nowS - q.publishTime}s old, over the ${maxAgeS}s limit; try again when the oracle updates.`,
    );
  }
  return q;
}

/** A custody token's fresh quote (USDC is $1 and never stale). */
export function freshToken(s: ChainSnapshot, token: TokenId): Quote {
  return token === 'USDC' ? s.tokenQuote('USDC') : freshFeed(s, TOKENS[token].feed);
}

/** MARKET_CLOSED with the reopening time while an RWALP market is shut (§3). */
export function requireMarketOpen(market: MarketId, nowS: number): void {
  if (isMarketOpen(market, nowS)) return;
  const when = new Date(nextOpenS(market, nowS) * 1000).toISOString().replace('.000Z', 'Z');
  throw new ProtocolError('MARKET_CLOSED', `The ${market} market is closed; it reopens at ${when}.`);
}

/** Every custody's fresh quote in pool order (the program's `load_quotes`). */
export function poolQuotes(s: ChainSnapshot, pool: PoolId): Map<TokenId, Quote> {
  return new Map(POOLS[pool].custodies.map((t) => [t, freshToken(s, t)]));
}

/** §8 ratio rule on each custody whose `owned` changes by `deltas` (skipped for a one-custody pool). */
export function checkPoolRatios(s: ChainSnapshot, pool: PoolId, quotes: Map<TokenId, Quote>, deltas: Partial<Record<TokenId, bigint>>): void {
  const tokens = POOLS[pool].custodies;
  if (tokens.length < 2) return;
  const values = (withDeltas: boolean) =>
    tokens.map((t) =>
      tokenToUsd({ amount: s.custody(pool, t).owned + (withDeltas ? (deltas[t] ?? 0n) : 0n), price: quotes.get(t)!.low, decimals: TOKENS[t].decimals }, 'floor'),
    );
  const before = custodyRatiosBps(values(false));
  const after = custodyRatiosBps(values(true));
  for (const token of Object.keys(deltas) as TokenId[]) {
    const i = tokens.indexOf(token);
    const p = s.custody(pool, token).params;
    checkRatioRule({ beforeBps: before[i] ?? 0n, afterBps: after[i] ?? 0n, minBps: p.minBps, maxBps: p.maxBps, token, pool });
  }
}

export interface ChainSwapPlan {
  tokenIn: TokenId;
  tokenOut: TokenId;
  amountIn: bigint;
  feeAmount: bigint;
  feeUsd: bigint;
  amountOut: bigint;
}

/**
 * The program's `plan_swap` (swap_core.rs), in the engine's order (planSwap): AMOUNT_TOO_SMALL, INVALID_SWAP for one
 * token, then the two tokens' fresh prices, the fee at the larger of the two custodies' swap fees, out at
 * `lowIn / highOut`, the out custody's free liquidity and minAmountOut; only the ratio rule on both custodies
 * reads every other custody's price.
 */
export function planChainSwap(s: ChainSnapshot, p: { pool: PoolId; tokenIn: TokenId; tokenOut: TokenId; amountIn: bigint; minAmountOut: bigint }): ChainSwapPlan {
  if (p.amountIn <= 0n) throw new ProtocolError('AMOUNT_TOO_SMALL', 'Enter an amount to swap.');
  if (p.tokenIn === p.tokenOut) throw new ProtocolError('INVALID_SWAP', `Choose two different tokens to swap; both are ${p.tokenIn}.`);
  const lowIn = freshToken(s, p.tokenIn).low;
  const highOut = freshToken(s, p.tokenOut).high;
  const cin = s.custody(p.pool, p.tokenIn);
  const cout = s.custody(p.pool, p.tokenOut);
  const feeBps = cin.params.swapFeeBps > cout.params.swapFeeBps ? cin.params.swapFeeBps : cout.params.swapFeeBps;
  const { feeAmount, amountOut } = swapQuote({ amountIn: p.amountIn, feeBps, lowIn, decIn: TOKENS[p.tokenIn].decimals, highOut, decOut: TOKENS[p.tokenOut].decimals });
  checkFreeLiquidity({ owned: cout.owned, locked: cout.locked, amount: amountOut });
  checkMinOut({ amountOut, minAmountOut: p.minAmountOut });
  checkPoolRatios(s, p.pool, poolQuotes(s, p.pool), { [p.tokenIn]: p.amountIn, [p.tokenOut]: -amountOut });
  const feeUsd = tokenToUsd({ amount: feeAmount, price: lowIn, decimals: TOKENS[p.tokenIn].decimals }, 'floor');
  return { tokenIn: p.tokenIn, tokenOut: p.tokenOut, amountIn: p.amountIn, feeAmount, feeUsd, amountOut };
}

/** The mid of a market, fresh (the program's `oracles.mid`). */
export function marketMid(s: ChainSnapshot, market: MarketId): bigint {
  return freshFeed(s, MARKETS[market].feed).price;
}

/** §8 AUM as the program's `aum` reads it: every non-empty side needs its market's fresh mid. */
export function poolAum(s: ChainSnapshot, pool: PoolId): bigint {
  for (const market of MARKET_IDS) {
    if (MARKETS[market].pool !== pool) continue;
    for (const side of SIDES) {
      const agg = s.aggregate(market, side);
      if (agg.sizeUsd !== 0n || agg.carriedInterestUsd !== 0n) marketMid(s, market);
    }
  }
  return chainPoolAumUsd(s, pool);
}

/** The program's leverage range check (`check_leverage`), in validateOpen's words. */
export function checkLeverageRange(market: MarketId, leverageBps: bigint): void {
  if (leverageBps < PROTOCOL.minLeverageBps)
    throw new ProtocolError('LEVERAGE_TOO_LOW', `Leverage ${describeLeverage(leverageBps)} is below the minimum of ${describeLeverage(PROTOCOL.minLeverageBps)}.`);
  if (leverageBps > MARKETS[market].maxInitialLeverageBps)
    throw new ProtocolError('LEVERAGE_TOO_HIGH', `Leverage ${describeLeverage(leverageBps)} is above this market's maximum of ${describeLeverage(MARKETS[market].maxInitialLeverageBps)}.`);
}

/** How far from the mark a limit trigger may lie when placed (program/src/math/triggers.rs LIMIT_TRIGGER_RANGE). */
export const LIMIT_TRIGGER_RANGE = 100n;

/**
 * The program's `validate_limit_trigger` at placement (lib/math's validateLimitTrigger plus the side and range
 * rules, so an order that can never fill cannot be placed): positive, a long's at or below the mark and at least
 * mark / 100, a short's at or above the mark and at most about 100 × mark. INVALID_TRIGGER otherwise.
 */
export function checkLimitTriggerPlacement(side: Side, mark: bigint, trigger: bigint): void {
  validateLimitTrigger({ trigger });
  const ok = side === 'long' ? trigger <= mark && trigger >= mark / LIMIT_TRIGGER_RANGE : trigger >= mark && trigger / LIMIT_TRIGGER_RANGE <= mark;
  if (ok) return;
  throw new ProtocolError(
    'INVALID_TRIGGER',
    side === 'long'
      ? `A long limit order fills when the price falls to its trigger: set it at or below the mark price of ${describePrice(mark)} (and no lower than ${describePrice(mark / LIMIT_TRIGGER_RANGE)}).`
      : `A short limit order fills when the price rises to its trigger: set it at or above the mark price of ${describePrice(mark)} (and no higher than 100 times it).`,
  );
}
