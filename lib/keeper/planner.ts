/**
 * Which positions and orders are crossed at the on-chain prices and the chain's clock, computed exactly as the
 * program checks them (settle.rs, fill_order.rs): the market's price account mid, the lock custody's interest
 * accrued to the chain's now, market hours (§3: an RWA market settles nothing while closed), a fresh price (§2).
 * Liquidations come first (they protect the pool), then stop losses and take profits, then limit-order fills;
 * a position being liquidated is not also sent its TP / SL.
 */
import type { Address } from '@solana/kit';
import { SIDES, type MarketId, type Side, type TokenId } from '@/lib/math/ids';
import { isMarketOpen } from '@/lib/math/market-hours';
import { isLiquidatable } from '@/lib/math/liquidation';
import { isLimitOrderHit, isStopLossHit, isTakeProfitHit } from '@/lib/math/triggers';
import type { ChainSnapshot } from '@/lib/chain-runtime/snapshot';
import { liquidationPriceAt, type KeeperBooks, type Pricing } from './books';
import type { TriggerEntry } from './trigger-book';

export type SettlementKind = 'liquidation' | 'takeProfit' | 'stopLoss' | 'fill';

export interface Settlement {
  kind: SettlementKind;
  /** The position's address (liquidation, TP, SL) or the order's (fill). */
  address: Address;
  owner: Address;
  market: MarketId;
  side: Side;
  /** Fills: the order's posted token. */
  postedToken?: TokenId;
  /** The on-chain mid it was planned at. */
  price: bigint;
}

export const settlementKey = (s: Pick<Settlement, 'kind' | 'address'>): string => `${s.kind}:${s.address}`;

export interface PlanInput {
  books: KeeperBooks;
  snapshot: ChainSnapshot;
  pricing: Pricing;
  markets: Iterable<MarketId>;
  /** False for an item the keeper is not trying now (given up, backing off). */
  allowed?: (s: Settlement) => boolean;
}

export interface Plan {
  /** Liquidations, then SL, then TP. */
  settlements: Settlement[];
  fills: Settlement[];
  /** Index entries looked at (the band's superset): the cost of the plan. */
  examined: number;
  skipped: { market: MarketId; reason: 'closed' | 'stale' }[];
}

export function planSettlements({ books, snapshot, pricing, markets, allowed = () => true }: PlanInput): Plan {
  const out: Plan = { settlements: [], fills: [], examined: 0, skipped: [] };
  const stops: Settlement[] = [];
  const profits: Settlement[] = [];
  const scratch: TriggerEntry[] = [];
  for (const market of markets) {
    if (!isMarketOpen(market, snapshot.nowS)) {
      out.skipped.push({ market, reason: 'closed' });
      continue;
    }
    const quote = snapshot.marketQuote(market);
    if (quote.stale || quote.price <= 0n) {
      out.skipped.push({ market, reason: 'stale' });
      continue;
    }
    const price = quote.price;
    const leverage = pricing.liquidationLeverageBps(market);
    const liquidating = new Set<Address>();
    for (const side of SIDES) {
      const interest = pricing.interest(market, side);
      scratch.length = 0;
      books.liquidations(market, side).candidates(price, interest, scratch);
      out.examined += scratch.length;
      for (const e of scratch) {
        const t = books.positions.get(e.key as Address);
        if (!t) continue;
        if (!isLiquidatable({ side, price, liquidationPrice: liquidationPriceAt(t.account, leverage, interest) })) continue;
        const s: Settlement = { kind: 'liquidation', address: t.address, owner: t.account.owner, market, side, price };
        liquidating.add(t.address);
        if (allowed(s)) out.settlements.push(s);
      }
    }
    const crossed = books.triggerBook(market).crossed(price);
    out.examined += crossed.length;
    for (const e of crossed) {
      const address = e.id as Address;
      if (e.kind === 'order') {
        const o = books.orders.get(address);
        if (!o || !isLimitOrderHit({ side: o.side, price, trigger: o.account.triggerPrice })) continue;
        const s: Settlement = { kind: 'fill', address, owner: o.account.owner, market, side: o.side, postedToken: o.postedToken, price };
        if (allowed(s)) out.fills.push(s);
        continue;
      }
      const t = books.positions.get(address);
      if (!t || liquidating.has(address)) continue;
      const p = t.account;
      const hit =
        e.kind === 'takeProfit'
          ? p.takeProfit !== null && isTakeProfitHit({ side: t.side, price, trigger: p.takeProfit })
          : e.kind === 'stopLoss' && p.stopLoss !== null && isStopLossHit({ side: t.side, price, trigger: p.stopLoss });
      if (!hit) continue;
      const s: Settlement = { kind: e.kind === 'takeProfit' ? 'takeProfit' : 'stopLoss', address, owner: p.owner, market, side: t.side, price };
      if (allowed(s)) (s.kind === 'stopLoss' ? stops : profits).push(s);
    }
  }
  out.settlements.push(...stops, ...profits);
  return out;
}
