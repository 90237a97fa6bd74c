/** The state of one open position (protocol.md §5–6). Market parameters are passed separately. */
import type { Side } from './ids';
import { borrowFeeUsd } from './interest';

export interface PositionState {
  readonly side: Side;
  /** Notional in USD (6 decimals); also the borrow size (§4). */
  readonly sizeUsd: bigint;
  /** Collateral valued at the oracle low when posted (USD, 6 decimals). */
  readonly collateralUsd: bigint;
  /** Collateral in the position's collateral token (its lock token: market token for ALP longs, else USDC). */
  readonly collateralAmount: bigint;
  /** Entry price (1e10); after increases, the size-weighted harmonic mean rounded against the trader. */
  readonly entryPrice: bigint;
  /** Tokens of the lock custody reserved for the payout (§5.3). */
  readonly lockAmount: bigint;
  /** Fixed at open (§5.4) and summed on increase. */
  readonly exitFeeUsd: bigint;
  readonly liquidationFeeUsd: bigint;
  /** Borrow fee accrued before the last snapshot reset (increase, partial close), unpaid. */
  readonly carriedInterestUsd: bigint;
  /** The lock custody's cumulative interest (1e9) when the position was opened or last reset. */
  readonly interestSnapshot: bigint;
}

/** The position's borrow fee as if accrued up to `cumulativeInterest` (§4), rounded up. */
export function positionBorrowFeeUsd({ position, cumulativeInterest }: { position: PositionState; cumulativeInterest: bigint }): bigint {
  return borrowFeeUsd({
    carriedInterestUsd: position.carriedInterestUsd,
    cumulativeInterest,
    interestSnapshot: position.interestSnapshot,
    borrowSizeUsd: position.sizeUsd,
  });
}
