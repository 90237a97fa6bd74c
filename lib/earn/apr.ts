/**
 * Fee APR of an LP pool (the figure Adrena and GMX show as "7-day APR"): the fees the pool kept over the trailing
 * 7 days, divided by its current AUM and annualised by 365/7.
 *
 *   aprBps = floor(fees7dUsd × 365 × 10000 / (7 × aumUsd))
 *
 * Both inputs are USD amounts with 6 decimals (protocol.md §1). It counts fees only (open, close, liquidation,
 * borrow, swap and liquidity fees kept by the pool), not trader PnL, so it is what LPs earn when traders break even.
 * `undefined` when there is no answer: the API did not report the fees, or the pool holds nothing.
 */
export const DAYS_PER_YEAR = 365n;
export const APR_WINDOW_DAYS = 7n;

export function feeAprBps({ fees7dUsd, aumUsd }: { fees7dUsd: bigint | undefined; aumUsd: bigint }): bigint | undefined {
  if (fees7dUsd === undefined || aumUsd <= 0n || fees7dUsd < 0n) return undefined;
  return (fees7dUsd * DAYS_PER_YEAR * 10_000n) / (APR_WINDOW_DAYS * aumUsd);
}

/**
 * Annualised change of the LP token price between two snapshots `elapsedS` seconds apart, in bps (simple, not
 * compounded): `floor((p1 − p0) × 10000 × 365 × 86400 / (p0 × elapsedS))`, floored toward −∞. This is the LP's whole
 * return (fees plus or minus trader PnL plus asset moves), shown beside the fee APR when price history exists.
 */
export function lpPriceReturnAprBps({
  startLpPriceUsd,
  endLpPriceUsd,
  elapsedS,
}: {
  startLpPriceUsd: bigint;
  endLpPriceUsd: bigint;
  elapsedS: bigint;
}): bigint | undefined {
  if (startLpPriceUsd <= 0n || elapsedS <= 0n) return undefined;
  const num = (endLpPriceUsd - startLpPriceUsd) * 10_000n * DAYS_PER_YEAR * 86_400n;
  const den = startLpPriceUsd * elapsedS;
  const q = num / den;
  return num < 0n && q * den !== num ? q - 1n : q;
}
