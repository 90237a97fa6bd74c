/** Limit orders, take profit and stop loss (protocol.md §7). All compare against the oracle mid. */
import { describePrice } from './describe';
import { ProtocolError } from './errors';
import type { Side } from './ids';
import { PROTOCOL } from './params';

interface TriggerCheck {
  side: Side;
  price: bigint;
  trigger: bigint;
}

/** §7: a long's take profit fires when `price ≥ tp`, a short's when `price ≤ tp`. */
export function isTakeProfitHit({ side, price, trigger }: TriggerCheck): boolean {
  return side === 'long' ? price >= trigger : price <= trigger;
}

/** §7: a long's stop loss fires when `price ≤ sl`, a short's when `price ≥ sl`. */
export function isStopLossHit({ side, price, trigger }: TriggerCheck): boolean {
  return side === 'long' ? price <= trigger : price >= trigger;
}

/** §7: a long limit order fills when `price ≤ trigger`, a short one when `price ≥ trigger`. */
export function isLimitOrderHit({ side, price, trigger }: TriggerCheck): boolean {
  return side === 'long' ? price <= trigger : price >= trigger;
}

/**
 * §7: TP must lie strictly beyond the mark (long above, short below, and above 0); SL strictly between the
 * liquidation price and the mark (a level equal to either would fire at once or never before liquidation).
 * Throws INVALID_TAKE_PROFIT or INVALID_STOP_LOSS; `undefined` levels are not checked.
 */
export function validateTpSl({
  side,
  markPrice,
  liquidationPrice,
  takeProfit,
  stopLoss,
}: {
  side: Side;
  markPrice: bigint;
  liquidationPrice: bigint;
  takeProfit?: bigint | undefined;
  stopLoss?: bigint | undefined;
}): void {
  const long = side === 'long';
  if (takeProfit !== undefined && (long ? takeProfit <= markPrice : takeProfit >= markPrice || takeProfit <= 0n))
    throw new ProtocolError(
      'INVALID_TAKE_PROFIT',
      `A ${side}'s take profit must be ${long ? 'above' : 'below'} the mark price of ${describePrice(markPrice)}${long ? '' : ' and above $0'}.`,
    );
  if (stopLoss !== undefined && (long ? stopLoss >= markPrice || stopLoss <= liquidationPrice : stopLoss <= markPrice || stopLoss >= liquidationPrice))
    throw new ProtocolError(
      'INVALID_STOP_LOSS',
      `A ${side}'s stop loss must lie between the liquidation price of ${describePrice(liquidationPrice)} and the mark price of ${describePrice(markPrice)}.`,
    );
}

/** §7: a limit order's trigger must be a positive price. Throws INVALID_TRIGGER. */
export function validateLimitTrigger({ trigger }: { trigger: bigint }): void {
  if (trigger <= 0n) throw new ProtocolError('INVALID_TRIGGER', 'The trigger price must be above $0.');
}

/** §7: at most 16 open limit orders per owner (`openOrders` before placing). Throws TOO_MANY_ORDERS. */
export function checkOrderCount({ openOrders }: { openOrders: number }): void {
  if (openOrders >= PROTOCOL.maxLimitOrdersPerOwner)
    throw new ProtocolError('TOO_MANY_ORDERS', `You already have ${PROTOCOL.maxLimitOrdersPerOwner} limit orders, the maximum; cancel one first.`);
}
