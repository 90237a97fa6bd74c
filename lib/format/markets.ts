/** Display names of markets and tokens (labels only; parameters live in lib/math/params.ts). */
import type { MarketId, TokenId } from '@/lib/math/ids';

export const MARKET_LABELS: Record<MarketId, { symbol: string; name: string; color: string; glyph: string }> = {
  SOL: { symbol: 'SOL', name: 'Solana', color: '#9945ff', glyph: 'S' },
  BTC: { symbol: 'BTC', name: 'Bitcoin', color: '#f7931a', glyph: 'B' },
  BONK: { symbol: 'BONK', name: 'Bonk', color: '#f0a31a', glyph: 'B' },
  XAU: { symbol: 'XAU', name: 'Gold', color: '#d4af37', glyph: 'Au' },
  XAG: { symbol: 'XAG', name: 'Silver', color: '#b8c2cc', glyph: 'Ag' },
  WTI: { symbol: 'WTI', name: 'Crude oil', color: '#6b7a8f', glyph: 'Oil' },
};

export const TOKEN_LABELS: Record<TokenId, { name: string; color: string; glyph: string }> = {
  USDC: { name: 'USD Coin', color: '#2775ca', glyph: '$' },
  SOL: { name: 'Solana', color: '#9945ff', glyph: 'S' },
  WBTC: { name: 'Wrapped Bitcoin', color: '#f7931a', glyph: 'B' },
  BONK: { name: 'Bonk', color: '#f0a31a', glyph: 'B' },
};

/** "SOL-PERP" style pair name. */
export const marketPair = (id: MarketId): string => `${MARKET_LABELS[id].symbol}-USD`;
