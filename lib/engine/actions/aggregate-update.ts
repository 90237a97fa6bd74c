import { addToAggregate, removeFromAggregate } from '@/lib/math/aggregates';
import type { MarketId } from '@/lib/math/ids';
import type { PositionState } from '@/lib/math/position';
import type { TxContext } from '../tx-context';

/** Adds a position's stored state to its (market, side) aggregate (§8). */
export async function aggregateAdd(ctx: TxContext, market: MarketId, position: PositionState): Promise<void> {
  const agg = await ctx.aggregate(market, position.side);
  ctx.setAggregate({ ...addToAggregate({ agg, position }), market, side: position.side });
}

/** Removes a position's stored state (exact inverse of aggregateAdd for the same state). */
export async function aggregateRemove(ctx: TxContext, market: MarketId, position: PositionState): Promise<void> {
  const agg = await ctx.aggregate(market, position.side);
  ctx.setAggregate({ ...removeFromAggregate({ agg, position }), market, side: position.side });
}
