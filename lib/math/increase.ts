/** Increasing a position (protocol.md §5.6). */
import { divCeil, divFloor } from './bigmath';
import { assertPositivePrice } from './convert';
import type { Side } from './ids';
import type { OpenResult } from './open';
import { positionBorrowFeeUsd } from './position';
import type { PositionState } from './position';

/**
 * §5.6 (GMX's average price): the size-weighted harmonic mean `(S1 + S2) / (S1/P1 + S2/P2)`, computed exactly as
 * `(S1 + S2) × P1 × P2 / (S1 × P2 + S2 × P1)` and rounded against the trader: up for a long, down for a short.
 */
export function averageEntryPrice({
  side,
  sizeUsdA,
  entryPriceA,
  sizeUsdB,
  entryPriceB,
}: {
  side: Side;
  sizeUsdA: bigint;
  entryPriceA: bigint;
  sizeUsdB: bigint;
  entryPriceB: bigint;
}): bigint {
  assertPositivePrice(entryPriceA);
  assertPositivePrice(entryPriceB);
  const denominator = sizeUsdA * entryPriceB + sizeUsdB * entryPriceA;
  if (denominator === 0n) return entryPriceB;
  const numerator = (sizeUsdA + sizeUsdB) * entryPriceA * entryPriceB;
  return side === 'long' ? divCeil(numerator, denominator) : divFloor(numerator, denominator);
}

/**
 * §5.6: sizes, collateral (USD and tokens), lock and the fixed exit and liquidation fees add; the entry becomes
 * averageEntryPrice; the borrow fee accrued up to `cumulativeInterest` moves into `carriedInterestUsd` and the
 * snapshot resets to `cumulativeInterest` (§4: no fee is lost). The engine must accrue the custody first.
 */
export function increasePosition(
  existing: PositionState,
  added: Pick<OpenResult, 'collateralAmount' | 'collateralUsd' | 'sizeUsd' | 'entryPrice' | 'lockAmount' | 'exitFeeUsd' | 'liquidationFeeUsd'>,
  { cumulativeInterest }: { cumulativeInterest: bigint },
): PositionState {
  return {
    side: existing.side,
    sizeUsd: existing.sizeUsd + added.sizeUsd,
    collateralUsd: existing.collateralUsd + added.collateralUsd,
    collateralAmount: existing.collateralAmount + added.collateralAmount,
    entryPrice: averageEntryPrice({
      side: existing.side,
      sizeUsdA: existing.sizeUsd,
      entryPriceA: existing.entryPrice,
      sizeUsdB: added.sizeUsd,
      entryPriceB: added.entryPrice,
    }),
    lockAmount: existing.lockAmount + added.lockAmount,
    exitFeeUsd: existing.exitFeeUsd + added.exitFeeUsd,
    liquidationFeeUsd: existing.liquidationFeeUsd + added.liquidationFeeUsd,
    carriedInterestUsd: positionBorrowFeeUsd({ position: existing, cumulativeInterest }),
    interestSnapshot: cumulativeInterest,
  };
}
