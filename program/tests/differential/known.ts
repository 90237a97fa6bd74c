/**
 * Known differences between the program and the engine (the model), each pinned by a failing test in
 * discrepancies.test.ts. The random sequences skip exactly these cases (counted in the tally as `skipped:<name>`),
 * so the property keeps checking everything else; when the program is fixed, its test starts passing (vitest then
 * reports the `it.fails` as failed) and the predicate here is deleted.
 */
import { BPS } from '@/lib/math/scales';
import type { FeedId } from '@/lib/math/ids';
import { MARKETS, POOLS, TOKENS, lockToken } from '@/lib/math/params';
import { isPriceStale } from '@/lib/math/oracle-band';
import { isMarketOpen } from '@/lib/math/market-hours';
import { isStopLossHit, isTakeProfitHit } from '@/lib/math/triggers';
import { positionKey } from './harness';
import type { Action } from './model';
import type { ModelState } from './model-state';

/** `engine`: the model's outcome of the action (its refusal code, or 'ok'). */
export const KNOWN: readonly { name: string; matches: (s: ModelState, a: Action, engine: string) => boolean }[] = [
  {
    // engine: closePosition checks fractionBps (INVALID_AMOUNT) before anything else; program: only in the close
    // computation, after the position (NOT_FOUND, NOT_OWNER), the market hours and the price (ORACLE_STALE)
    name: 'close-fraction-checked-late',
    matches: (s, a) =>
      a.kind === 'close' &&
      (a.fractionBps <= 0n || a.fractionBps > BPS) &&
      (a.owner !== a.positionOwner ||
        s.positions[positionKey(a.positionOwner, a.market, a.side)] === undefined ||
        !isMarketOpen(a.market, Number(s.nowS)) ||
        stale(s, MARKETS[a.market].feed)),
  },
  {
    // engine: UNSUPPORTED_COLLATERAL first; program: an ALP long posted in a third token (not the market token,
    // not USDC) is named unsupported only inside the swap planning, after the amount and the oracle checks
    name: 'open-foreign-token-late',
    matches: (s, a) =>
      a.kind === 'open' &&
      MARKETS[a.market].pool === 'ALP' &&
      a.side === 'long' &&
      a.postedToken !== 'USDC' &&
      a.postedToken !== lockToken(a.market, a.side) &&
      (a.amount === 0n || stale(s, MARKETS[a.market].feed)),
  },
  {
    // engine: a keeper TP/SL checks the price and the trigger, then the market hours; program: hours first
    name: 'tpsl-trigger-before-hours',
    matches: (s, a) => {
      if (a.kind !== 'executeTpSl' || isMarketOpen(a.market, Number(s.nowS))) return false;
      const p = s.positions[positionKey(a.positionOwner, a.market, a.side)];
      if (!p) return false;
      const feed = s.feeds[MARKETS[a.market].feed];
      const trigger = a.trigger === 'takeProfit' ? p.takeProfit : p.stopLoss;
      const hit = trigger !== null && (a.trigger === 'takeProfit' ? isTakeProfitHit : isStopLossHit)({ side: a.side, price: feed.price, trigger });
      return stale(s, MARKETS[a.market].feed) || !hit;
    },
  },
  {
    // engine (swap-core.ts planSwap): same-token, zero-amount and too-small swaps, free liquidity and minimum out are
    // checked with the two tokens' prices only; the other custodies' prices are read by the ratio rule last.
    // Program (swap.rs, open_core.rs plan_open_swap): every custody's price is read first (ORACLE_STALE).
    name: 'swap-reads-every-price-first',
    matches: (s, a, engine) => {
      const swapping = (a.kind === 'swap' && a.pool === 'ALP') || (a.kind === 'open' && MARKETS[a.market].pool === 'ALP' && a.side === 'long' && a.postedToken === 'USDC' && a.amount > 0n);
      return swapping && engine !== 'ORACLE_STALE' && POOLS.ALP.custodies.some((t) => t !== 'USDC' && stale(s, TOKENS[t].feed));
    },
  },
];

function stale(s: ModelState, feed: FeedId): boolean {
  return isPriceStale({ publishTime: Number(s.feeds[feed].publishTime), nowS: Number(s.nowS), maxAgeS: Number(s.maxPriceAgeS) });
}

export function knownDiscrepancy(s: ModelState, a: Action, engine: string): string | undefined {
  return KNOWN.find((k) => k.matches(s, a, engine))?.name;
}
