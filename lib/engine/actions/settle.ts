import { closePosition, validateClose } from '@/lib/math/close';
import { isLiquidatable } from '@/lib/math/liquidation';
import { positionBorrowFeeUsd } from '@/lib/math/position';
import { ProtocolError } from '@/lib/math/errors';
import { BPS } from '@/lib/math/scales';
import { MARKETS, TOKENS, lockToken } from '@/lib/math/params';
import type { TxContext } from '../tx-context';
import type { PositionRow } from '../store/rows';
import { updatePosition } from '../store/positions';
import { positionMarks, positionView } from '../position-view';
import type { CloseResultView } from '../views';
import { aggregateAdd, aggregateRemove } from './aggregate-update';

export type SettleReason = 'close' | 'takeProfit' | 'stopLoss' | 'liquidation';

/**
 * Settles a close (whole or `fractionBps`), a triggered TP/SL or a liquidation (§6): accrues the lock custody,
 * pays the trader in the collateral token at high, releases the lock, moves `collateralAmount − payout` into
 * `owned` (fees and losses are LP revenue), updates the aggregate and records the event. The caller has locked
 * the pool. A liquidation must be liquidatable at `price`, and is refused otherwise.
 */
export async function settlePosition(
  ctx: TxContext,
  position: PositionRow,
  opts: { fractionBps: bigint; acceptablePrice?: bigint; reason: SettleReason },
): Promise<CloseResultView> {
  const market = MARKETS[position.market];
  ctx.requireMarketOpen(position.market);
  const price = ctx.feedQuote(market.feed).price;
  const lock = ctx.touch(market.pool, lockToken(position.market, position.side));
  const collateral = ctx.touch(market.pool, position.collateralToken);
  const borrowFeeUsd = positionBorrowFeeUsd({ position, cumulativeInterest: lock.cumulativeInterest });
  const liquidation = opts.reason === 'liquidation';
  if (liquidation) {
    const marks = positionMarks({ market: position.market, position, cumulativeInterest: lock.cumulativeInterest, price });
    if (!isLiquidatable({ side: position.side, price, liquidationPrice: marks.liquidationPrice })) {
      throw new ProtocolError('INVALID_TRIGGER', `Position ${position.id} is not liquidatable at this price.`);
    }
  }
  const result = closePosition({
    position,
    fractionBps: liquidation ? BPS : opts.fractionBps,
    price,
    payoutHigh: ctx.tokenQuote(position.collateralToken).high,
    collateralDecimals: TOKENS[position.collateralToken].decimals,
    borrowFeeUsd,
    cumulativeInterest: lock.cumulativeInterest,
    feeKind: liquidation ? 'liquidation' : 'exit',
  });
  if (!liquidation) validateClose({ side: position.side, price, acceptablePrice: opts.acceptablePrice, remaining: result.remaining });

  collateral.collateral -= result.closedCollateralAmount;
  collateral.owned += result.ownedDelta;
  lock.locked -= result.releasedLockAmount;
  if (result.payoutAmount > 0n) await ctx.creditPayout(position.owner, position.collateralToken, result.payoutAmount);
  await aggregateRemove(ctx, position.market, position);
  let remaining: PositionRow | undefined;
  if (result.remaining) {
    remaining = { ...position, ...result.remaining };
    await updatePosition(ctx.tx, remaining, ctx.nowS);
    await aggregateAdd(ctx, position.market, remaining);
  } else {
    await ctx.removePosition(position.id);
  }
  const kind = liquidation ? 'liquidated' : 'closed';
  await ctx.recordEvent({
    owner: position.owner,
    kind,
    pool: market.pool,
    market: position.market,
    side: position.side,
    sizeUsd: result.closedSizeUsd,
    price,
    realizedPnlUsd: result.realizedPnlUsd,
    feesUsd: result.feeUsd + result.borrowFeePaidUsd,
    details: {
      positionId: position.id,
      reason: opts.reason,
      fractionBps: liquidation ? BPS : opts.fractionBps,
      entryPrice: position.entryPrice,
      pricePnlUsd: result.pricePnlUsd,
      closeFeeUsd: result.feeUsd,
      borrowFeeUsd: result.borrowFeePaidUsd,
      payoutToken: position.collateralToken,
      payoutAmount: result.payoutAmount,
      payoutUsd: result.payoutUsd,
      collateralUsd: result.closedCollateralUsd,
    },
  });
  ctx.emit({ type: 'position', owner: position.owner, positionId: position.id, market: position.market, kind }, { position: remaining ?? null });
  return {
    positionId: position.id,
    payoutToken: position.collateralToken,
    payoutAmount: result.payoutAmount,
    payoutUsd: result.payoutUsd,
    realizedPnlUsd: result.realizedPnlUsd,
    pricePnlUsd: result.pricePnlUsd,
    feeUsd: result.feeUsd,
    borrowFeeUsd: result.borrowFeePaidUsd,
    closedSizeUsd: result.closedSizeUsd,
    exitPrice: price,
    remaining: remaining ? positionView(remaining, { cumulativeInterest: lock.cumulativeInterest, price }) : null,
  };
}
