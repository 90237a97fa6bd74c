import type { MarketId, PoolId } from '@/lib/math/ids';

/** Plain names of the markets (the RWALP ones are synthetic: no token of the asset is held). */
export const MARKET_LABELS: Record<MarketId, string> = {
  SOL: 'Solana',
  BTC: 'Bitcoin',
  BONK: 'Bonk',
  XAU: 'Gold',
  XAG: 'Silver',
  WTI: 'Crude oil',
};

export const MARKETS_BY_POOL: readonly { pool: PoolId; markets: readonly MarketId[] }[] = [
  { pool: 'ALP', markets: ['SOL', 'BTC', 'BONK'] },
  { pool: 'RWALP', markets: ['XAU', 'XAG', 'WTI'] },
];
