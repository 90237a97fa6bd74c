/** Display names of markets and tokens (labels only; parameters live in lib/math/params.ts). */
import type { MarketId, TokenId } from '@/lib/math/ids';

export const MARKET_LABELS: Record<MarketId, { symbol: string; name: string; color: string }> = {
  SOL: { symbol: 'SOL', name: 'Solana', color: '#9945ff' },
  BTC: { symbol: 'BTC', name: 'Bitcoin', color: '#f7931a' },
  BONK: { symbol: 'BONK', name: 'Bonk', color: '#f0a31a' },
  XAU: { symbol: 'XAU', name: 'Gold', color: '#d4af37' },
  XAG: { symbol: 'XAG', name: 'Silver', color: '#b8c2cc' },
  WTI: { symbol: 'WTI', name: 'Crude oil', color: '#6b7a8f' },
};

export const TOKEN_LABELS: Record<TokenId, { name: string; color: string }> = {
  USDC: { name: 'USD Coin', color: '#2775ca' },
  SOL: { name: 'Solana', color: '#9945ff' },
  WBTC: { name: 'Wrapped Bitcoin', color: '#f7931a' },
  BONK: { name: 'Bonk', color: '#f0a31a' },
};

/** "SOL-PERP" style pair name. */
export const marketPair = (id: MarketId): string => `${MARKET_LABELS[id].symbol}-USD`;
