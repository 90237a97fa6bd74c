/** The 32-byte feed id of each feed: Pyth's ids (lib/oracle/pyth-feeds.ts), also used by the local price accounts. */
import type { FeedId } from '@/lib/math/ids';
import { FEED_IDS } from '@/lib/math/ids';
import { PYTH_FEEDS } from '@/lib/oracle/pyth-feeds';
import { feedIdBytes } from './bytes';

export const FEED_ID_BYTES: Readonly<Record<FeedId, Uint8Array>> = Object.fromEntries(
  FEED_IDS.map((feed) => [feed, feedIdBytes(PYTH_FEEDS[feed].id)]),
) as Record<FeedId, Uint8Array>;
