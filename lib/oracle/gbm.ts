import { PRICE_ONE } from '@/lib/math/scales';

/** Seconds in the 365-day year that annual volatilities refer to. */
export const SECONDS_PER_YEAR = 365 * 86_400;

/**
 * One step of driftless geometric Brownian motion (protocol.md §9): `S·exp(−σ²dt/2 + σ√dt·z)` with `dt` in years
 * and `z ~ N(0, 1)`. Floating point on purpose: this is the random walk, not money; the result becomes a bigint
 * price exactly once, through `usdFloatToPrice`.
 */
export function gbmStep(args: { priceUsd: number; volatilityAnnual: number; dtS: number; z: number }): number {
  const dtYears = args.dtS / SECONDS_PER_YEAR;
  const sigma = args.volatilityAnnual;
  return args.priceUsd * Math.exp(-0.5 * sigma * sigma * dtYears + sigma * Math.sqrt(dtYears) * args.z);
}

/** A float USD price → the 1e10 bigint scale (round half away from zero, at least one unit). */
export function usdFloatToPrice(priceUsd: number): bigint {
  const scaled = BigInt(Math.round(priceUsd * Number(PRICE_ONE)));
  return scaled < 1n ? 1n : scaled;
}

/** A 1e10 bigint price → float USD, only to restart the random walk from a stored close. */
export function priceToUsdFloat(price: bigint): number {
  return Number(price) / Number(PRICE_ONE);
}
