import { validateTpSl } from '@/lib/math/triggers';
import { MARKETS, lockToken } from '@/lib/math/params';
import type { ActionParams } from '../action-params';
import type { TxContext } from '../tx-context';
import { updatePosition } from '../store/positions';
import { positionMarks, positionView } from '../position-view';
import type { PositionView } from '../views';
import { loadPosition } from './load';

/** `setTpSl` (§7): sets or clears (null) take profit and stop loss, validated against the mark and liquidation price. */
export async function setTpSl(ctx: TxContext, owner: string, p: ActionParams['setTpSl']): Promise<PositionView> {
  const position = await loadPosition(ctx, p.positionId, owner);
  const market = MARKETS[position.market];
  const price = ctx.feedQuote(market.feed).price;
  const lock = ctx.custody(market.pool, lockToken(position.market, position.side));
  const marks = positionMarks({ market: position.market, position, cumulativeInterest: lock.cumulativeInterest, price });
  validateTpSl({
    side: position.side,
    markPrice: price,
    liquidationPrice: marks.liquidationPrice,
    takeProfit: p.takeProfit ?? undefined,
    stopLoss: p.stopLoss ?? undefined,
  });
  const next = { ...position, takeProfit: p.takeProfit, stopLoss: p.stopLoss };
  await updatePosition(ctx.tx, next, ctx.nowS);
  await ctx.recordEvent({
    owner,
    kind: 'tpsl',
    pool: market.pool,
    market: position.market,
    side: position.side,
    details: { positionId: position.id, takeProfit: p.takeProfit, stopLoss: p.stopLoss },
  });
  ctx.emit({ type: 'position', owner, positionId: position.id, market: position.market, kind: 'tpsl' }, { position: next });
  return positionView(next, { cumulativeInterest: lock.cumulativeInterest, price });
}
