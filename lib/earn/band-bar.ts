/**
 * Geometry of the ratio bar drawn for each custody (current share against target and the [min, max] band, as on
 * GMX's and Adrena's composition tables). Pure and bigint: positions are CSS percentage strings of the bar's width,
 * built with integer arithmetic (two decimals, floored), so no `Number` is needed to draw it.
 */
import { BPS } from '@/lib/math/scales';

export interface BandBarInput {
  ratioBps: bigint;
  targetBps: bigint;
  minBps: bigint;
  maxBps: bigint;
}

export interface BandBarGeometry {
  /** What the full width of the bar stands for, in bps of the pool. */
  scaleBps: bigint;
  fillWidth: string;
  bandLeft: string;
  bandWidth: string;
  targetLeft: string;
  /** Where the current ratio sits against its band. */
  status: 'below' | 'within' | 'above';
}

/** Full width = 1.5 × the larger of the max and the current ratio, rounded up to 5%, capped at 100%. */
export function barScaleBps({ ratioBps, maxBps }: Pick<BandBarInput, 'ratioBps' | 'maxBps'>): bigint {
  const top = ratioBps > maxBps ? ratioBps : maxBps;
  const wanted = (top * 3n + 1n) / 2n;
  const step = 500n;
  const rounded = ((wanted + step - 1n) / step) * step;
  if (rounded <= 0n) return step;
  return rounded > BPS ? BPS : rounded;
}

/** `part / whole` of the bar as "NN.NN%" (floored, clamped to [0%, 100%]). */
export function cssPercent(part: bigint, whole: bigint): string {
  if (whole <= 0n || part <= 0n) return '0%';
  const clamped = part > whole ? whole : part;
  const hundredths = (clamped * 10_000n) / whole;
  const fraction = (hundredths % 100n).toString().padStart(2, '0');
  return `${hundredths / 100n}.${fraction}%`;
}

export function ratioStatus({ ratioBps, minBps, maxBps }: Pick<BandBarInput, 'ratioBps' | 'minBps' | 'maxBps'>): BandBarGeometry['status'] {
  if (ratioBps < minBps) return 'below';
  if (ratioBps > maxBps) return 'above';
  return 'within';
}

export function bandBarGeometry(input: BandBarInput): BandBarGeometry {
  const scaleBps = barScaleBps(input);
  return {
    scaleBps,
    fillWidth: cssPercent(input.ratioBps, scaleBps),
    bandLeft: cssPercent(input.minBps, scaleBps),
    bandWidth: cssPercent(input.maxBps - input.minBps, scaleBps),
    targetLeft: cssPercent(input.targetBps, scaleBps),
    status: ratioStatus(input),
  };
}
