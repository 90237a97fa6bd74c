/**
 * TP/SL and limit-trigger presets (Adrena: ±% from the mark). A take profit sits in the profit direction, a stop
 * loss in the loss direction: long TP `P × (1 + p)`, long SL `P × (1 − p)`, short mirrored. Rounded toward the
 * mark, so a preset is never further away than its label says.
 */
import { mulDivCeil, mulDivFloor } from '@/lib/math/bigmath';
import type { Side } from '@/lib/math/ids';
import { BPS } from '@/lib/math/scales';

export type TriggerKind = 'takeProfit' | 'stopLoss';

export const TAKE_PROFIT_PRESETS_BPS: readonly bigint[] = [1_000n, 2_500n, 5_000n, 10_000n];
export const STOP_LOSS_PRESETS_BPS: readonly bigint[] = [500n, 1_000n, 2_500n, 5_000n];
/** Limit triggers: 0.1% to 5% below the mark for a long, above for a short. */
export const LIMIT_PRESETS_BPS: readonly bigint[] = [10n, 50n, 100n, 500n];

/** Price `moveBps` away from `price` in the direction of `kind` for `side` (a price move, not a PnL %). */
export function triggerFromMove({ side, kind, price, moveBps }: { side: Side; kind: TriggerKind; price: bigint; moveBps: bigint }): bigint {
  const up = (side === 'long') === (kind === 'takeProfit');
  return up ? mulDivFloor(price, BPS + moveBps, BPS) : mulDivCeil(price, BPS - moveBps, BPS);
}

/** A limit order's trigger `moveBps` better than the mark: below for a long, above for a short. */
export function limitTriggerFromMove({ side, price, moveBps }: { side: Side; price: bigint; moveBps: bigint }): bigint {
  return side === 'long' ? mulDivCeil(price, BPS - moveBps, BPS) : mulDivFloor(price, BPS + moveBps, BPS);
}
