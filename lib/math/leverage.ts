/** Current leverage of a position (protocol.md §6). */
import { divCeil } from './bigmath';
import { BPS } from './scales';

/**
 * §6: `sizeUsd × 10000 / (collateralUsd + pricePnlUsd − borrowFeeUsd)` in bps, rounded up (a leverage check never
 * passes by rounding). `undefined` when the equity is ≤ 0: the leverage is infinite.
 */
export function currentLeverageBps({
  sizeUsd,
  collateralUsd,
  pricePnlUsd,
  borrowFeeUsd,
}: {
  sizeUsd: bigint;
  collateralUsd: bigint;
  pricePnlUsd: bigint;
  borrowFeeUsd: bigint;
}): bigint | undefined {
  const equityUsd = collateralUsd + pricePnlUsd - borrowFeeUsd;
  if (equityUsd <= 0n) return undefined;
  return divCeil(sizeUsd * BPS, equityUsd);
}
