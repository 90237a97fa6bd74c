/**
 * Acceptable prices sent with market orders (protocol.md §5.2 and §6 SLIPPAGE): the worst price the trader
 * accepts, from the mark and the slippage setting (default 0.5%, GMX and Jupiter style). Rounded so that the
 * tolerance is never wider than asked: an opening long `floor(P × (1 + s))`, an opening short `ceil(P × (1 − s))`;
 * a closing long `ceil(P × (1 − s))`, a closing short `floor(P × (1 + s))`.
 */
import { mulDivCeil, mulDivFloor } from '@/lib/math/bigmath';
import type { Side } from '@/lib/math/ids';
import { BPS } from '@/lib/math/scales';

/** Default slippage: 50 bps = 0.5%. */
export const DEFAULT_SLIPPAGE_BPS = 50n;

/** Worst entry price for opening or increasing: a long pays at most this, a short sells at least this. */
export function openAcceptablePrice({ side, price, slippageBps }: { side: Side; price: bigint; slippageBps: bigint }): bigint {
  return side === 'long' ? mulDivFloor(price, BPS + slippageBps, BPS) : mulDivCeil(price, BPS - slippageBps, BPS);
}

/** Worst exit price for closing: a long closes at no less, a short at no more. */
export function closeAcceptablePrice({ side, price, slippageBps }: { side: Side; price: bigint; slippageBps: bigint }): bigint {
  return side === 'long' ? mulDivCeil(price, BPS - slippageBps, BPS) : mulDivFloor(price, BPS + slippageBps, BPS);
}
