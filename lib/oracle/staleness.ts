import { FEED_IDS, type FeedId } from '@/lib/math/ids';
import { isPriceStale } from '@/lib/math/oracle-band';
import type { Oracle } from './types';

/**
 * True when a feed has no price or its `publishTime` is older than `nowS − maxAgeS` (protocol.md §2) and it is
 * not pinned by a manual price. With no `feeds`, any feed counts (the /api/health summary).
 */
export function isOracleStale(
  oracle: Oracle,
  nowS: number,
  maxAgeS: number,
  feeds: readonly FeedId[] = FEED_IDS,
): boolean {
  return feeds.some((feed) => {
    if (oracle.isManual(feed)) return false;
    const mark = oracle.getPrice(feed);
    return mark === undefined || isPriceStale({ publishTime: mark.publishTime, nowS, maxAgeS });
  });
}
