/** Identifiers shared by every layer (protocol.md §3). */
export const TOKEN_IDS = ['USDC', 'SOL', 'WBTC', 'BONK'] as const;
export type TokenId = (typeof TOKEN_IDS)[number];

/** Oracle feeds (api.md § Local network controls): WBTC is priced by the BTC feed. */
export const FEED_IDS = ['SOL', 'BTC', 'BONK', 'USDC', 'XAU', 'XAG', 'WTI'] as const;
export type FeedId = (typeof FEED_IDS)[number];

export const MARKET_IDS = ['SOL', 'BTC', 'BONK', 'XAU', 'XAG', 'WTI'] as const;
export type MarketId = (typeof MARKET_IDS)[number];

export const POOL_IDS = ['ALP', 'RWALP'] as const;
export type PoolId = (typeof POOL_IDS)[number];

export const SIDES = ['long', 'short'] as const;
export type Side = (typeof SIDES)[number];

export const isTokenId = (v: unknown): v is TokenId => (TOKEN_IDS as readonly unknown[]).includes(v);
export const isFeedId = (v: unknown): v is FeedId => (FEED_IDS as readonly unknown[]).includes(v);
export const isMarketId = (v: unknown): v is MarketId => (MARKET_IDS as readonly unknown[]).includes(v);
export const isPoolId = (v: unknown): v is PoolId => (POOL_IDS as readonly unknown[]).includes(v);
