/** Account metas in the roles the program checks (docs/program.md lists them per instruction). */
import { AccountRole, type AccountMeta, type Address } from '@solana/kit';
import type { FeedId, MarketId, PoolId, TokenId } from '@/lib/math/ids';
import { MARKETS, POOLS, TOKENS } from '@/lib/math/params';
import type { ChainAddresses } from '../addresses';

export const ro = (address: Address): AccountMeta => ({ address, role: AccountRole.READONLY });
export const rw = (address: Address): AccountMeta => ({ address, role: AccountRole.WRITABLE });
export const signer = (address: Address): AccountMeta => ({ address, role: AccountRole.READONLY_SIGNER });
export const payer = (address: Address): AccountMeta => ({ address, role: AccountRole.WRITABLE_SIGNER });

/** The feeds whose prices a pool-wide instruction reads: every custody's and every market's (no duplicates). */
export function poolFeeds(pool: PoolId): FeedId[] {
  const feeds = new Set<FeedId>();
  for (const token of POOLS[pool].custodies) if (token !== 'USDC') feeds.add(TOKENS[token].feed);
  for (const [, m] of Object.entries(MARKETS)) if (m.pool === pool) feeds.add(m.feed);
  return [...feeds];
}

/** The feed of a market, plus a token's when it differs (and is not the $1 USDC). */
export function marketFeeds(market: MarketId, token?: TokenId): FeedId[] {
  const feeds = new Set<FeedId>([MARKETS[market].feed]);
  if (token && token !== 'USDC') feeds.add(TOKENS[token].feed);
  return [...feeds];
}

/** The price accounts of `feeds`, read-only, for the end of an account list. */
export function oracleMetas(a: ChainAddresses, feeds: readonly FeedId[]): AccountMeta[] {
  return feeds.map((f) => ro(a.oracles[f]));
}

/** Every custody of a pool, in pool order; `writable` ones writable. */
export function custodyMetas(a: ChainAddresses, pool: PoolId, writable: readonly TokenId[] = []): AccountMeta[] {
  return POOLS[pool].custodies.map((t) => {
    const c = a.custodies[pool][t];
    if (!c) throw new Error(`no ${pool}/${t} custody`);
    return writable.includes(t) ? rw(c) : ro(c);
  });
}

/** Every market of a pool, in pool order, read-only. */
export function marketMetas(a: ChainAddresses, pool: PoolId): AccountMeta[] {
  return (Object.keys(MARKETS) as MarketId[]).filter((m) => MARKETS[m].pool === pool).map((m) => ro(a.markets[m]));
}
