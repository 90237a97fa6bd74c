import { ProtocolError, isProtocolError } from '@/lib/math/errors';
import { MARKETS } from '@/lib/math/params';
import { BPS } from '@/lib/math/scales';
import { isStopLossHit, isTakeProfitHit } from '@/lib/math/triggers';
import { isEngineError } from '../errors';
import type { TxContext } from '../tx-context';
import type { PositionRow } from '../store/rows';
import { loadPositionsLocked } from './load';
import type { CloseResultView } from '../views';
import { settlePosition } from './settle';

export type KeeperSettleReason = 'liquidation' | 'takeProfit' | 'stopLoss';

export interface KeeperSettleItem {
  positionId: string;
  reason: KeeperSettleReason;
}

export type KeeperSettleOutcome =
  | { positionId: string; ok: true; result: CloseResultView }
  | { positionId: string; ok: false; error: unknown };

/**
 * A keeper settlement of `position` (§7): a take profit or stop loss only if hit at the transaction's price
 * (whole close at the exit fee), a liquidation only if liquidatable there (checked by `settlePosition`).
 */
async function keeperSettlePosition(ctx: TxContext, position: PositionRow, reason: KeeperSettleReason): Promise<CloseResultView> {
  if (reason !== 'liquidation') {
    const trigger = reason === 'takeProfit' ? position.takeProfit : position.stopLoss;
    const price = ctx.feedQuote(MARKETS[position.market].feed).price;
    const hit = trigger !== null && (reason === 'takeProfit' ? isTakeProfitHit : isStopLossHit)({ side: position.side, price, trigger });
    if (!hit) throw new ProtocolError('INVALID_TRIGGER', `Position ${position.id}'s ${reason} is not triggered at this price.`);
  }
  return settlePosition(ctx, position, { fractionBps: BPS, reason });
}

/**
 * Settles `items` in the caller's one transaction (Engine.keeperSettleMany): each is checked exactly as alone,
 * a refused one (`ProtocolError` / `EngineError`: not liquidatable or not triggered at this price, gone, market
 * closed) is undone in memory (its payout and deletion wait for the one `flush` with the rest) and reported in
 * its outcome; a position already settled by an earlier item is reported NOT_FOUND. Anything else throws, and the
 * whole batch rolls back.
 */
export async function keeperSettleBatch(ctx: TxContext, items: readonly KeeperSettleItem[]): Promise<KeeperSettleOutcome[]> {
  ctx.deferSettlementWrites();
  const positions = await loadPositionsLocked(ctx, [...new Set(items.map((i) => i.positionId))]);
  const outcomes: KeeperSettleOutcome[] = [];
  const settled = new Set<string>();
  for (const { positionId, reason } of items) {
    const position = positions.get(positionId);
    if (!position) {
      const why = settled.has(positionId) ? 'was settled earlier in this batch' : 'does not exist (it may have been closed)';
      outcomes.push({ positionId, ok: false, error: new ProtocolError('NOT_FOUND', `Position ${positionId} ${why}.`) });
      continue;
    }
    const checkpoint = ctx.checkpoint();
    try {
      const result = await keeperSettlePosition(ctx, position, reason);
      positions.delete(positionId);
      settled.add(positionId);
      outcomes.push({ positionId, ok: true, result });
    } catch (error) {
      if (!isProtocolError(error) && !isEngineError(error)) throw error;
      ctx.restore(checkpoint);
      outcomes.push({ positionId, ok: false, error });
    }
  }
  await ctx.flush();
  return outcomes;
}
