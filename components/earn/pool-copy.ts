import type { PoolId } from '@/lib/math/ids';

/** One line per pool saying what an LP holds and whom it backs. */
export const POOL_BLURB: Record<PoolId, string> = {
  ALP: 'Crypto pool of USDC, SOL, WBTC and BONK. Backs SOL, BTC and BONK perpetuals.',
  RWALP: 'USDC pool backing synthetic gold (XAU), silver (XAG) and oil (WTI) perpetuals.',
};

export const POOL_TITLE: Record<PoolId, string> = {
  ALP: 'ALP · crypto pool',
  RWALP: 'RWALP · real-world assets',
};
