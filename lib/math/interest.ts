/** Cumulative borrow interest and a position's borrow fee (protocol.md §4). */
import { divCeil } from './bigmath';
import { RATE_ONE, SECONDS_PER_HOUR } from './scales';

/**
 * §4: `cumulativeInterest + ceil(elapsedS × rateHourly / 3600)` (1e9 = 100%; rounded up: the pool charges it).
 * `elapsedS` in seconds (a number from the clock, fractions dropped, or a bigint); a negative elapsed time
 * accrues nothing.
 */
export function accrueCumulativeInterest({
  cumulativeInterest,
  rateHourly,
  elapsedS,
}: {
  cumulativeInterest: bigint;
  rateHourly: bigint;
  elapsedS: bigint | number;
}): bigint {
  const elapsed = typeof elapsedS === 'bigint' ? elapsedS : BigInt(elapsedS - (elapsedS % 1));
  if (elapsed <= 0n || rateHourly <= 0n) return cumulativeInterest;
  return cumulativeInterest + divCeil(elapsed * rateHourly, SECONDS_PER_HOUR);
}

/**
 * §4: `carriedInterestUsd + ceil((cumulativeInterest − snapshot) × borrowSizeUsd / 1e9)` in USD, rounded up
 * (the pool charges it). A cumulative below the snapshot (never in practice) accrues nothing.
 */
export function borrowFeeUsd({
  carriedInterestUsd,
  cumulativeInterest,
  interestSnapshot,
  borrowSizeUsd,
}: {
  carriedInterestUsd: bigint;
  cumulativeInterest: bigint;
  interestSnapshot: bigint;
  borrowSizeUsd: bigint;
}): bigint {
  const delta = cumulativeInterest - interestSnapshot;
  if (delta <= 0n) return carriedInterestUsd;
  return carriedInterestUsd + divCeil(delta * borrowSizeUsd, RATE_ONE);
}
