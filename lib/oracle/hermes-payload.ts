import { z } from 'zod';
import type { FeedId } from '@/lib/math/ids';
import { feedForPythId } from './pyth-feeds';
import { pythToPrice } from './pyth-convert';
import type { OraclePrice } from './types';

/**
 * The part of Hermes' `PriceUpdate` we read (GET /v2/updates/price/latest and each SSE `data:` line of
 * /v2/updates/price/stream, with `parsed=true`):
 * `{ binary: { encoding, data: [hex] }, parsed: [{ id, price: { price, conf, expo, publish_time }, ema_price,
 * metadata }] }`. Unknown fields pass; unknown ids are skipped.
 */
const rpcPrice = z.object({ price: z.string(), conf: z.string(), expo: z.number().int(), publish_time: z.number().int() });
const priceUpdate = z.object({
  parsed: z
    .array(z.object({ id: z.string(), price: rpcPrice }))
    .nullish()
    .transform((v) => v ?? []),
});

/** Hermes JSON → marks on the 1e10 scale (publishTime = Pyth's `publish_time`), or undefined for a bad payload. */
export function parseHermesUpdate(json: unknown): OraclePrice[] | undefined {
  const parsed = priceUpdate.safeParse(json);
  if (!parsed.success) return undefined;
  return parsed.data.parsed.flatMap((entry) => {
    const feed: FeedId | undefined = feedForPythId(entry.id);
    const price = pythToPrice({ price: entry.price.price, expo: entry.price.expo });
    return feed === undefined || price === undefined ? [] : [{ feed, price, publishTime: entry.price.publish_time }];
  });
}
