/** The largest size a trader may open now (protocol.md §3, §5). */
import { bigMax, bigMin } from './bigmath';
import { BPS } from './scales';

/**
 * §3/§5: `max(0, min(floor(collateralUsd × maxInitialLeverage / 10000), maxPositionUsd − existingSizeUsd,
 * openInterestCapUsd − openInterestUsd, freeLiquidityUsd))` in USD. `freeLiquidityUsd` is the lock custody's
 * `owned − locked` valued at its low (floor): shorts and RWALP lock USDC one to one.
 */
export function maxOpenSizeUsd({
  collateralUsd,
  maxInitialLeverageBps,
  maxPositionUsd,
  existingSizeUsd,
  openInterestUsd,
  openInterestCapUsd,
  freeLiquidityUsd,
}: {
  collateralUsd: bigint;
  maxInitialLeverageBps: bigint;
  maxPositionUsd: bigint;
  existingSizeUsd: bigint;
  openInterestUsd: bigint;
  openInterestCapUsd: bigint;
  freeLiquidityUsd: bigint;
}): bigint {
  const byLeverage = (collateralUsd * maxInitialLeverageBps) / BPS;
  return bigMax(0n, bigMin(byLeverage, maxPositionUsd - existingSizeUsd, openInterestCapUsd - openInterestUsd, freeLiquidityUsd));
}
