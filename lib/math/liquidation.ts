/** Liquidation price and the liquidation test (protocol.md §6). */
import { divCeil, divFloor } from './bigmath';
import type { Side } from './ids';
import { BPS } from './scales';

/**
 * §6: `maxLossUsd = ceil(sizeUsd × 10000 / liquidationLeverage) + liquidationFeeUsd + borrowFeeUsd`: the USD
 * the collateral must still cover at the liquidation price (maintenance margin rounded up, plus the fees).
 */
export function maxLossUsd({
  sizeUsd,
  liquidationLeverageBps,
  liquidationFeeUsd,
  borrowFeeUsd,
}: {
  sizeUsd: bigint;
  liquidationLeverageBps: bigint;
  liquidationFeeUsd: bigint;
  borrowFeeUsd: bigint;
}): bigint {
  return divCeil(sizeUsd * BPS, liquidationLeverageBps) + liquidationFeeUsd + borrowFeeUsd;
}

/**
 * §6: with `Δ = (collateralUsd − maxLossUsd) × P0 / sizeUsd` (exact rational), long `ceil(P0 − Δ)`, short
 * `floor(P0 + Δ)`, clamped at 0. Computed in one division: long `ceil(P0 × (S − C + M) / S)`, short
 * `floor(P0 × (S + C − M) / S)`. Rounded toward the mark, so the keeper liquidates no later than the exact
 * boundary. When collateral < maxLoss a long's price is above its entry (liquidatable at once); a long whose
 * price clamps to 0 can never be liquidated. Moves as borrow fees accrue. Returns 0n for `sizeUsd ≤ 0`.
 */
export function liquidationPrice({
  side,
  sizeUsd,
  collateralUsd,
  entryPrice,
  liquidationLeverageBps,
  liquidationFeeUsd,
  borrowFeeUsd,
}: {
  side: Side;
  sizeUsd: bigint;
  collateralUsd: bigint;
  entryPrice: bigint;
  liquidationLeverageBps: bigint;
  liquidationFeeUsd: bigint;
  borrowFeeUsd: bigint;
}): bigint {
  if (sizeUsd <= 0n) return 0n;
  const lossUsd = maxLossUsd({ sizeUsd, liquidationLeverageBps, liquidationFeeUsd, borrowFeeUsd });
  const price =
    side === 'long'
      ? divCeil(entryPrice * (sizeUsd - collateralUsd + lossUsd), sizeUsd)
      : divFloor(entryPrice * (sizeUsd + collateralUsd - lossUsd), sizeUsd);
  return price < 0n ? 0n : price;
}

/** §6: a long is liquidatable when `price ≤ liquidationPrice`, a short when `price ≥ liquidationPrice`. */
export function isLiquidatable({ side, price, liquidationPrice: liqPrice }: { side: Side; price: bigint; liquidationPrice: bigint }): boolean {
  return side === 'long' ? price <= liqPrice : price >= liqPrice;
}
