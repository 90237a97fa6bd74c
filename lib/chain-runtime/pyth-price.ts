/**
 * Pyth's pull-oracle `PriceUpdateV2` accounts (owned by the Pyth receiver) read as the program reads them
 * (program/src/oracle/pyth.rs): the discriminator, Full verification, the feed id, `price × 10^exponent` scaled to
 * 10 decimals (floored, lib/oracle/pyth-convert.ts) and `publish_time`. What the program would refuse reads as no
 * price (0: stale in every view), so reads never show a price the program would not trade at.
 */
import { FEED_ID_BYTES } from '@/lib/chain/feeds';
import type { PriceAccount } from '@/lib/chain/accounts';
import type { FeedId } from '@/lib/math/ids';
import { pythToPrice } from '@/lib/oracle/pyth-convert';

const DISCRIMINATOR = [34, 241, 35, 99, 157, 126, 244, 205];
const VERIFICATION_FULL = 1;
/** The PriceFeedMessage after discriminator, write authority and the Full verification tag. */
const MESSAGE = 41;
/** Through `posted_slot` of a fully verified update. */
const FULL_LEN = MESSAGE + 84 + 8;

const NO_PRICE = (feed: FeedId): PriceAccount => ({ feedId: FEED_ID_BYTES[feed], price: 0n, publishTime: 0n, slot: 0n, bump: 0 });

export function decodePriceUpdateV2(data: Uint8Array, feed: FeedId): PriceAccount {
  if (data.length < FULL_LEN || DISCRIMINATOR.some((b, i) => data[i] !== b) || data[40] !== VERIFICATION_FULL) return NO_PRICE(feed);
  const expected = FEED_ID_BYTES[feed];
  if (expected.some((b, i) => data[MESSAGE + i] !== b)) return NO_PRICE(feed);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const raw = view.getBigInt64(MESSAGE + 32, true);
  const exponent = view.getInt32(MESSAGE + 48, true);
  const price = pythToPrice({ price: raw.toString(), expo: exponent });
  if (price === undefined || price >= 1n << 64n) return NO_PRICE(feed);
  return {
    feedId: expected,
    price,
    publishTime: view.getBigInt64(MESSAGE + 52, true),
    slot: view.getBigUint64(MESSAGE + 84, true),
    bump: 0,
  };
}
