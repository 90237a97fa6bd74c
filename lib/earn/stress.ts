/**
 * LP stress test: "if SOL moves by X%, what is the LP price?" computed with lib/math's AUM (protocol.md §8).
 *
 * The API gives each (market, side) as `{sizeUsd, avgEntryPrice}`; that is rebuilt into a `SideAggregate` with
 * `sizeOverEntry = sizeUsd × SCALE / avgEntryPrice` (floored for longs, ceiled for shorts, as the engine does per
 * position). `aumUsd` is then evaluated twice on the same inputs, at today's prices and with the chosen feed moved,
 * and the difference is added to the server's AUM:
 *
 *   newAum = max(0, serverAum + aum(moved) − aum(now))
 *
 * Accrued borrow fees do not depend on price, and rounding of the rebuilt aggregate cancels between the two
 * evaluations, so the result moves exactly as the engine's AUM would for that price alone. The moved feed changes
 * custody values at its new `low` (band of §2) and the traders' PnL of markets priced by it at its new mid.
 */
import type { Custody, Pool, PoolExposure } from '@/lib/client/types';
import { aumUsd } from '@/lib/math/aum';
import type { AumCustody, AumSide } from '@/lib/math/aum';
import { AGGREGATE_SCALE, EMPTY_AGGREGATE } from '@/lib/math/aggregates';
import type { SideAggregate } from '@/lib/math/aggregates';
import { divCeil, divFloor } from '@/lib/math/bigmath';
import type { FeedId } from '@/lib/math/ids';
import { lpPriceUsd } from '@/lib/math/liquidity';
import { priceBand } from '@/lib/math/oracle-band';
import { FEED_BAND_BPS, MARKETS, TOKENS } from '@/lib/math/params';
import { BPS } from '@/lib/math/scales';
import { custodyQuote } from './feed-quotes';
import type { FeedQuotes } from './feed-quotes';

export interface StressInput {
  pool: Pick<Pool, 'aumUsd' | 'lpSupply' | 'lpPriceUsd'> & {
    custodies: readonly Pick<Custody, 'token' | 'decimals' | 'owned' | 'price' | 'low' | 'high'>[];
    exposures: readonly PoolExposure[] | undefined;
  };
  quotes: FeedQuotes;
  feed: FeedId;
  /** Signed move of the feed's mid price in bps (−2000 = −20%); below −100% counts as −100%. */
  moveBps: bigint;
}

export interface StressResult {
  movedPrice: bigint;
  aumUsd: bigint;
  lpPriceUsd: bigint;
  aumChangeUsd: bigint;
  /** LP price change in bps, rounded toward −∞; undefined when today's LP price is 0. */
  lpPriceChangeBps: bigint | undefined;
}

/** `floor(price × (10000 + move) / 10000)`, with the move clamped at −100% (price 0). */
export function movedPrice({ price, moveBps }: { price: bigint; moveBps: bigint }): bigint {
  const move = moveBps < -BPS ? -BPS : moveBps;
  return divFloor(price * (BPS + move), BPS);
}

/** A side's aggregate rebuilt from its size and average entry (no borrow terms: they cancel in the difference). */
export function aggregateFromExposure(exposure: Pick<PoolExposure, 'side' | 'sizeUsd' | 'avgEntryPrice'>): SideAggregate {
  if (exposure.sizeUsd <= 0n || exposure.avgEntryPrice <= 0n) return EMPTY_AGGREGATE;
  const scaled = exposure.sizeUsd * AGGREGATE_SCALE;
  const sizeOverEntry = exposure.side === 'long' ? divFloor(scaled, exposure.avgEntryPrice) : divCeil(scaled, exposure.avgEntryPrice);
  return { ...EMPTY_AGGREGATE, sizeUsd: exposure.sizeUsd, sizeOverEntry, count: 1n };
}

/** AUM of the pool's holdings and open trades at the given prices, with `feed` moved by `moveBps` (0 = as now). */
function aumAt({ pool, quotes, feed, moveBps }: StressInput): bigint | undefined {
  const custodies: AumCustody[] = [];
  for (const custody of pool.custodies) {
    const quote = custodyQuote(custody, quotes);
    if (!quote) return undefined;
    const moved = TOKENS[custody.token].feed === feed && custody.token !== 'USDC';
    const low = moved ? priceBand({ price: movedPrice({ price: quote.price, moveBps }), bandBps: FEED_BAND_BPS[feed] }).low : quote.low;
    custodies.push({ owned: custody.owned, low, decimals: custody.decimals });
  }
  const sides: AumSide[] = [];
  for (const exposure of pool.exposures ?? []) {
    const marketFeed = MARKETS[exposure.market].feed;
    const quote = quotes[marketFeed];
    if (!quote) return undefined;
    const price = marketFeed === feed ? movedPrice({ price: quote.price, moveBps }) : quote.price;
    sides.push({ side: exposure.side, agg: aggregateFromExposure(exposure), price, cumulativeInterest: 0n });
  }
  return aumUsd({ custodies, sides });
}

/** The pool after `feed` moves by `moveBps`; undefined when a needed price is missing. */
export function stressPool(input: StressInput): StressResult | undefined {
  const before = aumAt({ ...input, moveBps: 0n });
  const after = aumAt(input);
  const quote = input.quotes[input.feed];
  if (before === undefined || after === undefined || !quote) return undefined;
  const raw = input.pool.aumUsd + after - before;
  const newAum = raw > 0n ? raw : 0n;
  const newLpPrice = lpPriceUsd({ aumUsd: newAum, supply: input.pool.lpSupply });
  const oldLpPrice = input.pool.lpPriceUsd;
  return {
    movedPrice: movedPrice({ price: quote.price, moveBps: input.moveBps }),
    aumUsd: newAum,
    lpPriceUsd: newLpPrice,
    aumChangeUsd: newAum - input.pool.aumUsd,
    lpPriceChangeBps: oldLpPrice > 0n ? divFloor((newLpPrice - oldLpPrice) * BPS, oldLpPrice) : undefined,
  };
}

/** Feeds whose move changes this pool: its custodies' token feeds (not USDC) and its markets' feeds. */
export function stressFeeds(poolId: Pool['id']): FeedId[] {
  const feeds = new Set<FeedId>();
  for (const market of Object.values(MARKETS)) if (market.pool === poolId) feeds.add(market.feed);
  return [...feeds];
}
