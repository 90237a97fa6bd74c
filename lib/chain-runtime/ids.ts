/** From chain addresses back to the protocol's ids (markets, custodies, mints, price accounts). */
import type { Address } from '@solana/kit';
import { FEED_IDS, MARKET_IDS, POOL_IDS, TOKEN_IDS, type FeedId, type MarketId, type PoolId, type TokenId } from '@/lib/math/ids';
import { POOLS } from '@/lib/math/params';
import type { ChainAddresses } from '@/lib/chain/addresses';

export interface ChainIds {
  market(address: Address): MarketId | undefined;
  custody(address: Address): { pool: PoolId; token: TokenId } | undefined;
  token(mint: Address): TokenId | undefined;
  feed(priceAccount: Address): FeedId | undefined;
}

export function chainIds(a: ChainAddresses): ChainIds {
  const markets = new Map(MARKET_IDS.map((m) => [a.markets[m], m]));
  const custodies = new Map<Address, { pool: PoolId; token: TokenId }>();
  for (const pool of POOL_IDS) for (const token of POOLS[pool].custodies) custodies.set(a.custodies[pool][token]!, { pool, token });
  const tokens = new Map(TOKEN_IDS.map((t) => [a.mints[t], t]));
  const feeds = new Map(FEED_IDS.map((f) => [a.oracles[f], f]));
  return {
    market: (x) => markets.get(x),
    custody: (x) => custodies.get(x),
    token: (x) => tokens.get(x),
    feed: (x) => feeds.get(x),
  };
}
