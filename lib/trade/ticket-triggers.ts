/**
 * TP/SL of the ticket (protocol.md §7), checked against the entry (the mark for a market order, the trigger for
 * a limit order) and the liquidation price the position will have.
 */
import type { Side } from '@/lib/math/ids';
import { validateLimitTrigger, validateTpSl } from '@/lib/math/triggers';

export function validateTicketTriggers({
  side,
  entryPrice,
  liquidationPrice,
  takeProfit,
  stopLoss,
}: {
  side: Side;
  entryPrice: bigint;
  liquidationPrice: bigint;
  takeProfit: bigint | undefined;
  stopLoss: bigint | undefined;
}): void {
  validateLimitTrigger({ trigger: entryPrice });
  validateTpSl({ side, markPrice: entryPrice, liquidationPrice, takeProfit, stopLoss });
}
