/**
 * Figures of a pool card that the API does not send as such: the pool's utilization in USD, its open interest per
 * side, and the value of a wallet's LP holding. Pure, bigint, rounded down (displays, never credits).
 */
import type { Custody, Market, Pool } from '@/lib/client/types';
import { tokenToUsd } from '@/lib/math/convert';
import type { PoolId } from '@/lib/math/ids';
import { BPS, LP_ONE } from '@/lib/math/scales';
import { custodyQuote } from './feed-quotes';
import type { FeedQuotes } from './feed-quotes';

/** `floor(lpAmount × lpPriceUsd / 10^6)`: USD value (6 decimals) of LP tokens (6 decimals) at the LP price. */
export function lpValueUsd({ lpAmount, lpPriceUsd }: { lpAmount: bigint; lpPriceUsd: bigint }): bigint {
  return (lpAmount * lpPriceUsd) / LP_ONE;
}

/**
 * Pool utilization, the "pool usage" of Adrena's LP page: USD locked over USD owned across custodies, both valued
 * at `low` (as custody ratios are, protocol.md §8): `floor(Σ usd(locked) × 10000 / Σ usd(owned))` in bps; 0 when the
 * pool owns nothing; undefined when a custody has no price yet.
 */
export function poolUtilizationBps({
  custodies,
  quotes,
}: {
  custodies: readonly Pick<Custody, 'token' | 'decimals' | 'owned' | 'locked' | 'price' | 'low' | 'high'>[];
  quotes: FeedQuotes;
}): bigint | undefined {
  let ownedUsd = 0n;
  let lockedUsd = 0n;
  for (const custody of custodies) {
    const quote = custodyQuote(custody, quotes);
    if (!quote) return undefined;
    ownedUsd += tokenToUsd({ amount: custody.owned, price: quote.low, decimals: custody.decimals }, 'floor');
    lockedUsd += tokenToUsd({ amount: custody.locked, price: quote.low, decimals: custody.decimals }, 'floor');
  }
  return ownedUsd === 0n ? 0n : (lockedUsd * BPS) / ownedUsd;
}

/** Open interest of the pool's markets, summed per side (USD, 6 decimals). */
export function poolOpenInterestUsd({
  pool,
  markets,
}: {
  pool: PoolId;
  markets: readonly Pick<Market, 'pool' | 'openInterestLongUsd' | 'openInterestShortUsd'>[];
}): { longUsd: bigint; shortUsd: bigint } {
  let longUsd = 0n;
  let shortUsd = 0n;
  for (const market of markets) {
    if (market.pool !== pool) continue;
    longUsd += market.openInterestLongUsd;
    shortUsd += market.openInterestShortUsd;
  }
  return { longUsd, shortUsd };
}

/** The wallet's LP balance of `pool` and its value; zero when no wallet is connected. */
export function lpHolding({ pool, lpBalance }: { pool: Pick<Pool, 'lpPriceUsd'>; lpBalance: bigint | undefined }): {
  lpAmount: bigint;
  valueUsd: bigint;
} {
  const lpAmount = lpBalance ?? 0n;
  return { lpAmount, valueUsd: lpValueUsd({ lpAmount, lpPriceUsd: pool.lpPriceUsd }) };
}

/** USD value of a custody's owned tokens at its `low` (how ratios value it, §8); undefined without a price. */
export function custodyOwnedUsd(custody: Pick<Custody, 'token' | 'decimals' | 'owned' | 'price' | 'low' | 'high'>, quotes: FeedQuotes = {}): bigint | undefined {
  const quote = custodyQuote(custody, quotes);
  return quote ? tokenToUsd({ amount: custody.owned, price: quote.low, decimals: custody.decimals }, 'floor') : undefined;
}
