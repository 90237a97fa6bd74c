/** Custody ratios and the ratio rule of liquidity and swaps (protocol.md §8). */
import { describeBps } from './describe';
import { ProtocolError } from './errors';
import { BPS } from './scales';

/**
 * §8: each custody's share `floor(value × 10000 / Σ values)` in bps, with values `floor(usd(owned, low, dec))`;
 * all 0 when the pool is empty.
 */
export function custodyRatiosBps(valuesUsd: readonly bigint[]): bigint[] {
  const total = valuesUsd.reduce((sum, v) => sum + v, 0n);
  return valuesUsd.map((v) => (total > 0n ? (v * BPS) / total : 0n));
}

/** How far `ratioBps` lies outside [minBps, maxBps] (0 inside). */
export function distanceFromBandBps({ ratioBps, minBps, maxBps }: { ratioBps: bigint; minBps: bigint; maxBps: bigint }): bigint {
  if (ratioBps < minBps) return minBps - ratioBps;
  if (ratioBps > maxBps) return ratioBps - maxBps;
  return 0n;
}

/**
 * §8 ratio rule: refused with RATIO_OUT_OF_BAND when the custody's ratio ends outside [min, max] (inclusive) and
 * further from the band than before; a change that moves an out-of-band custody toward its band is allowed.
 * Message: "USDC would be 41% of ALP; the maximum is 40%."
 */
export function checkRatioRule({
  beforeBps,
  afterBps,
  minBps,
  maxBps,
  token = 'This token',
  pool = 'the pool',
}: {
  beforeBps: bigint;
  afterBps: bigint;
  minBps: bigint;
  maxBps: bigint;
  token?: string;
  pool?: string;
}): void {
  const after = distanceFromBandBps({ ratioBps: afterBps, minBps, maxBps });
  if (after === 0n || after <= distanceFromBandBps({ ratioBps: beforeBps, minBps, maxBps })) return;
  const bound = afterBps > maxBps ? `the maximum is ${describeBps(maxBps)}` : `the minimum is ${describeBps(minBps)}`;
  throw new ProtocolError('RATIO_OUT_OF_BAND', `${token} would be ${describeBps(afterBps)} of ${pool}; ${bound}.`, {
    ratioBps: afterBps.toString(),
    minBps: minBps.toString(),
    maxBps: maxBps.toString(),
  });
}
