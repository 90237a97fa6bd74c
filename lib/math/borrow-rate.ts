/** Custody utilization and the two-slope hourly borrow rate (protocol.md §4). */
import { bigMin, divCeil } from './bigmath';
import { BPS } from './scales';

/** §4: `utilization = floor(locked × 10000 / owned)` in bps; 0 when `owned` is 0. */
export function utilizationBps({ locked, owned }: { locked: bigint; owned: bigint }): bigint {
  if (owned <= 0n || locked <= 0n) return 0n;
  return (locked * BPS) / owned;
}

/**
 * §4, hourly rate in 1e9 (RATE_DECIMALS), rounded up (the pool charges it):
 * - `u ≤ uOpt`: `ceil(rateAtOpt × u / uOpt)`
 * - `u > uOpt`: `rateAtOpt + ceil((rateMax − rateAtOpt) × (u − uOpt) / (10000 − uOpt))`
 * Utilization above 100% (possible only transiently) is treated as 100%, so the rate never exceeds `rateMax`.
 */
export function borrowRateHourly({
  utilizationBps: u,
  uOptBps,
  rateAtOptHourly,
  rateMaxHourly,
}: {
  utilizationBps: bigint;
  uOptBps: bigint;
  rateAtOptHourly: bigint;
  rateMaxHourly: bigint;
}): bigint {
  const util = bigMin(u < 0n ? 0n : u, BPS);
  if (util <= uOptBps) return uOptBps === 0n ? rateAtOptHourly : divCeil(rateAtOptHourly * util, uOptBps);
  return rateAtOptHourly + divCeil((rateMaxHourly - rateAtOptHourly) * (util - uOptBps), BPS - uOptBps);
}
