import { z } from 'zod';
import type { FeedId } from '@/lib/math/ids';
import { isFeedId, FEED_IDS } from '@/lib/math/ids';
import { issueCode, uintString } from './decimal';

const priceSchema = uintString();

/**
 * POST /api/dev/prices body: `{ "SOL": "<price in 1e10>", ... }`, feed ids as keys (WBTC is priced by BTC), at
 * least one, each price ≥ 1.
 */
export const devPricesSchema = z.record(z.string(), z.unknown()).transform((body, ctx) => {
  const prices: Partial<Record<FeedId, bigint>> = {};
  const keys = Object.keys(body);
  if (keys.length === 0) {
    ctx.addIssue({ code: 'custom', message: `name at least one feed (${FEED_IDS.join(', ')})` });
    return z.NEVER;
  }
  for (const key of keys) {
    if (!isFeedId(key)) {
      ctx.addIssue({ code: 'custom', path: [key.slice(0, 32)], message: `unknown feed; use one of ${FEED_IDS.join(', ')}`, params: issueCode('UNKNOWN_FEED') });
      return z.NEVER;
    }
    const parsed = priceSchema.safeParse(body[key]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const code = issue?.code === 'custom' ? (issue.params as { code?: string } | undefined)?.code : undefined;
      ctx.addIssue({ code: 'custom', path: [key], message: issue?.message ?? 'invalid price', params: code ? issueCode(code) : undefined });
      return z.NEVER;
    }
    prices[key] = parsed.data;
  }
  return prices;
});

/** Ten years: a bound that keeps replays meaningful while refusing absurd jumps. */
export const MAX_ADVANCE_SECONDS = 10 * 365 * 24 * 3600;

/**
 * POST /api/dev/clock body `{ "advanceSeconds": N }`. api.md writes N as a JSON number, so a safe integer is
 * accepted as well as a decimal string; 1 ≤ N ≤ ten years.
 */
export const devClockSchema = z.strictObject({
  advanceSeconds: z.union([
    z.number().int().min(1).max(MAX_ADVANCE_SECONDS),
    uintString({ min: 1n, max: BigInt(MAX_ADVANCE_SECONDS) }).transform(Number),
  ], { error: `must be a whole number of seconds from 1 to ${MAX_ADVANCE_SECONDS}` }),
});
