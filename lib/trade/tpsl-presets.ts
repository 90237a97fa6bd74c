/**
 * TP/SL presets that are valid for this position (protocol.md §7: a TP beyond the mark, an SL strictly between the
 * liquidation price and the mark), and the PnL a trigger would realise. A 6.9x long liquidates about 14% below
 * entry, so its −25% and −50% stop-loss presets would be refused: they are left out, and when fewer than two
 * percentage presets fit, the stop-loss presets become 25 / 50 / 75% of the way from the mark to liquidation.
 */
import { mulDivFloor } from '@/lib/math/bigmath';
import { isProtocolError } from '@/lib/math/errors';
import type { MarketId, Side } from '@/lib/math/ids';
import { positionMetrics } from '@/lib/math/position-view';
import { BPS } from '@/lib/math/scales';
import { validateTpSl } from '@/lib/math/triggers';
import { PREVIEW_CUMULATIVE_INTEREST, toPositionState } from './position-state';
import type { ExistingPosition } from './ticket-types';
import { STOP_LOSS_PRESETS_BPS, TAKE_PROFIT_PRESETS_BPS, triggerFromMove } from './trigger-presets';
import type { TriggerKind } from './trigger-presets';

export interface TriggerPreset {
  /** "+25%", "−10%": the price move from the mark. */
  label: string;
  price: bigint;
}

const DISTANCE_SHARES_BPS: readonly bigint[] = [2_500n, 5_000n, 7_500n];

function isValid({ side, kind, markPrice, liquidationPrice, price }: { side: Side; kind: TriggerKind; markPrice: bigint; liquidationPrice: bigint; price: bigint }): boolean {
  try {
    validateTpSl({ side, markPrice, liquidationPrice, ...(kind === 'takeProfit' ? { takeProfit: price } : { stopLoss: price }) });
    return true;
  } catch (e) {
    if (isProtocolError(e)) return false;
    throw e;
  }
}

/** "−3.6%": the move from `from` to `to` in % with one decimal, truncated toward zero; "−" is U+2212. */
function moveLabel(from: bigint, to: bigint): string {
  const tenthsOfPercent = ((to - from) * 1_000n) / from;
  const abs = tenthsOfPercent < 0n ? -tenthsOfPercent : tenthsOfPercent;
  const text = `${abs / 10n}${abs % 10n === 0n ? '' : `.${abs % 10n}`}%`;
  return `${to >= from ? '+' : '−'}${text}`;
}

export function tpSlPresets({ side, kind, markPrice, liquidationPrice }: { side: Side; kind: TriggerKind; markPrice: bigint; liquidationPrice: bigint }): TriggerPreset[] {
  const moves = kind === 'takeProfit' ? TAKE_PROFIT_PRESETS_BPS : STOP_LOSS_PRESETS_BPS;
  const valid = moves
    .map((moveBps) => ({ label: `${kind === 'takeProfit' ? '+' : '−'}${moveBps / 100n}%`, price: triggerFromMove({ side, kind, price: markPrice, moveBps }) }))
    .filter((p) => isValid({ side, kind, markPrice, liquidationPrice, price: p.price }));
  if (kind === 'takeProfit' || valid.length >= 2) return valid;
  // Shares of the way to liquidation, rounded toward the mark.
  return DISTANCE_SHARES_BPS.map((share) => markPrice - mulDivFloor(markPrice - liquidationPrice, share, BPS))
    .filter((price) => isValid({ side, kind, markPrice, liquidationPrice, price }))
    .map((price) => ({ label: moveLabel(markPrice, price), price }));
}

/** Net PnL if the whole position closed at `price`: price PnL − exit fee − borrow fee accrued so far (fees grow with time). */
export function pnlAtTrigger({ market, position, price }: { market: MarketId; position: ExistingPosition; price: bigint }): bigint {
  return positionMetrics({ market, position: toPositionState(position), price, cumulativeInterest: PREVIEW_CUMULATIVE_INTEREST }).netPnlUsd;
}
