import { aumUsd, type AumSide } from '@/lib/math/aum';
import { MARKETS, TOKENS, lockToken } from '@/lib/math/params';
import { MARKET_IDS, type PoolId } from '@/lib/math/ids';
import { tokenToUsd } from '@/lib/math/convert';
import type { TxContext } from './tx-context';

/**
 * §8 AUM of a locked pool at the current oracle (custodies at low, aggregate trader PnL at mid, accrued borrow
 * fees as of now). `allowStale` for reads; actions refuse a stale price (ORACLE_STALE).
 */
export async function poolAumUsd(ctx: TxContext, pool: PoolId, opts: { allowStale?: boolean } = {}): Promise<bigint> {
  const custodies = ctx.custodies(pool).map((c) => ({
    owned: c.owned,
    low: ctx.tokenQuote(c.token, opts).low,
    decimals: TOKENS[c.token].decimals,
  }));
  const sides: AumSide[] = [];
  for (const market of MARKET_IDS) {
    if (MARKETS[market].pool !== pool) continue;
    for (const side of ['long', 'short'] as const) {
      const agg = await ctx.aggregate(market, side);
      if (agg.sizeUsd === 0n && agg.carriedInterestUsd === 0n) continue;
      const price = ctx.feedQuote(MARKETS[market].feed, opts).price;
      const cumulativeInterest = ctx.custody(pool, lockToken(market, side)).cumulativeInterest;
      sides.push({ side, agg, price, cumulativeInterest });
    }
  }
  return aumUsd({ custodies, sides });
}

/** Each custody's USD value at low (§8 ratio input), in the pool's custody order. */
export function custodyValuesUsd(ctx: TxContext, pool: PoolId, opts: { allowStale?: boolean } = {}): Map<string, bigint> {
  const values = new Map<string, bigint>();
  for (const c of ctx.custodies(pool)) {
    values.set(c.token, tokenToUsd({ amount: c.owned, price: ctx.tokenQuote(c.token, opts).low, decimals: TOKENS[c.token].decimals }, 'floor'));
  }
  return values;
}
