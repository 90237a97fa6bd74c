import { z } from 'zod';
import type { FeedId, MarketId, PoolId, TokenId } from '@/lib/math/ids';
import { FEED_IDS, MARKET_IDS, POOL_IDS, TOKEN_IDS, isFeedId, isMarketId, isPoolId, isTokenId } from '@/lib/math/ids';
import { isBase58PublicKey } from '@/lib/chain/base58';
import { issueCode } from './decimal';

function idOf<T extends string>(guard: (v: unknown) => v is T, all: readonly string[], what: string, code: string) {
  return z.string({ error: `must be a ${what} id (${all.join(', ')})` }).transform((text, ctx): T => {
    if (guard(text)) return text;
    ctx.addIssue({ code: 'custom', message: `unknown ${what} "${text.slice(0, 32)}"; use one of ${all.join(', ')}`, params: issueCode(code) });
    return z.NEVER;
  });
}

export const marketIdSchema = idOf<MarketId>(isMarketId, MARKET_IDS, 'market', 'UNKNOWN_MARKET');
export const tokenIdSchema = idOf<TokenId>(isTokenId, TOKEN_IDS, 'token', 'UNKNOWN_TOKEN');
export const poolIdSchema = idOf<PoolId>(isPoolId, POOL_IDS, 'pool', 'UNKNOWN_POOL');
export const feedIdSchema = idOf<FeedId>(isFeedId, FEED_IDS, 'feed', 'UNKNOWN_FEED');
export const sideSchema = z.enum(['long', 'short'], { error: 'must be "long" or "short"' });

/** An owner in a path: the base58 of a 32-byte public key, else 400 INVALID_OWNER. */
export const ownerSchema = z.string().refine(isBase58PublicKey, {
  message: 'must be a wallet address (base58 of 32 bytes)',
  params: issueCode('INVALID_OWNER'),
});
