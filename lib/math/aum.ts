/** Assets under management of a pool (protocol.md §8). */
import { tokenToUsd } from './convert';
import type { Side } from './ids';
import { aggregateBorrowFeeUsd, aggregatePricePnlUsd } from './aggregates';
import type { SideAggregate } from './aggregates';

export interface AumCustody {
  owned: bigint;
  /** Oracle low of the custody token (USDC: PRICE_ONE). */
  low: bigint;
  decimals: number;
}

export interface AumSide {
  side: Side;
  agg: SideAggregate;
  /** Oracle mid of the market. */
  price: bigint;
  /** Cumulative interest of the custody this side locks, accrued up to now. */
  cumulativeInterest: bigint;
}

/**
 * §8: `AUM = Σ floor(usd(owned, low, dec)) − Σ aggregatePricePnlUsd + Σ aggregateBorrowFeeUsd` over the pool's
 * custodies and its markets' sides, in USD. Clamped at 0, as GMX v1 does, so LP price never turns negative.
 */
export function aumUsd({ custodies, sides }: { custodies: readonly AumCustody[]; sides: readonly AumSide[] }): bigint {
  let total = 0n;
  for (const c of custodies) total += tokenToUsd({ amount: c.owned, price: c.low, decimals: c.decimals }, 'floor');
  for (const s of sides) {
    total -= aggregatePricePnlUsd({ side: s.side, agg: s.agg, price: s.price });
    total += aggregateBorrowFeeUsd({ agg: s.agg, cumulativeInterest: s.cumulativeInterest });
  }
  return total > 0n ? total : 0n;
}
