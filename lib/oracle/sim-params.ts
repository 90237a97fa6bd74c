import type { FeedId } from '@/lib/math/ids';

/**
 * Simulator inputs of protocol.md §9: default prices (1e10) and annual volatilities. USDC has volatility 0 (fixed
 * at $1). Kept here until lib/math/params.ts (GENESIS, VOLATILITY) is imported instead.
 */
export const DEFAULT_PRICES: Record<FeedId, bigint> = {
  SOL: 150n * 10n ** 10n,
  BTC: 95_000n * 10n ** 10n,
  BONK: 250_000n, // $0.000025
  USDC: 10n ** 10n,
  XAU: 2_650n * 10n ** 10n,
  XAG: 31n * 10n ** 10n,
  WTI: 70n * 10n ** 10n,
};

export const VOLATILITY_ANNUAL: Record<FeedId, number> = {
  SOL: 0.8,
  BTC: 0.5,
  BONK: 1.2,
  USDC: 0,
  XAU: 0.15,
  XAG: 0.25,
  WTI: 0.35,
};
