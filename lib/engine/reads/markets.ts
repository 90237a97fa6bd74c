import { MARKETS, TOKENS, lockToken } from '@/lib/math/params';
import { MARKET_IDS, POOL_IDS } from '@/lib/math/ids';
import { tokenToUsd } from '@/lib/math/convert';
import type { TxContext } from '../tx-context';
import { marketOpenState } from '../market-state';
import type { MarketView } from '../views';
import { selectFirstOpensSince } from '@/lib/oracle/candle-store';

/**
 * The reference for a market's 24-hour change (an API addition; Adrena and GMX show the same figure): the open of
 * the oldest of the last 24 one-hour candles, i.e. of the first 1m candle since the start of the hour 23 hours
 * before the current one. What the UI computed from 24 `1h` candles per market before, in one statement.
 */
export function price24hAgoSinceS(nowS: number): number {
  return Math.floor(nowS / 3_600) * 3_600 - 23 * 3_600;
}

/** `GET /api/markets`: prices, parameters, open interest (aggregates), borrow rates, free liquidity, hours, 24h reference. */
export async function readMarkets(ctx: TxContext): Promise<MarketView[]> {
  for (const pool of POOL_IDS) await ctx.lockPool(pool);
  const opens = await selectFirstOpensSince(ctx.tx, [...new Set(MARKET_IDS.map((id) => MARKETS[id].feed))], price24hAgoSinceS(ctx.nowS));
  const views: MarketView[] = [];
  for (const id of MARKET_IDS) {
    const m = MARKETS[id];
    const quote = ctx.feedQuote(m.feed, { allowStale: true });
    const long = ctx.custody(m.pool, lockToken(id, 'long'));
    const short = ctx.custody(m.pool, lockToken(id, 'short'));
    const freeUsd = (c: typeof long) =>
      tokenToUsd({ amount: c.owned > c.locked ? c.owned - c.locked : 0n, price: ctx.tokenQuote(c.token, { allowStale: true }).low, decimals: TOKENS[c.token].decimals }, 'floor');
    const hours = marketOpenState(id, ctx.nowS);
    views.push({
      id,
      pool: m.pool,
      feed: m.feed,
      price: quote.price,
      low: quote.low,
      high: quote.high,
      publishTime: quote.publishTime,
      maxInitialLeverageBps: m.maxInitialLeverageBps,
      liquidationLeverageBps: m.liquidationLeverageBps,
      closeFeeBps: m.closeFeeBps,
      liquidationFeeBps: m.liquidationFeeBps,
      maxPositionUsd: m.maxPositionUsd,
      openInterestLongUsd: (await ctx.aggregate(id, 'long')).sizeUsd,
      openInterestShortUsd: (await ctx.aggregate(id, 'short')).sizeUsd,
      borrowRateLongHourly: long.rateHourly,
      borrowRateShortHourly: short.rateHourly,
      open: hours.open,
      openInterestCapUsd: m.openInterestCapUsd,
      availableLiquidityLongUsd: freeUsd(long),
      availableLiquidityShortUsd: freeUsd(short),
      reopensAt: hours.reopensAt,
      stale: quote.stale,
      price24hAgo: opens.get(m.feed) ?? null,
    });
  }
  return views;
}
