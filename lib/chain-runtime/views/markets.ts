/** `GET /api/markets` from the chain: prices, parameters, open interest, borrow rates, free liquidity, hours. */
import { MARKET_IDS } from '@/lib/math/ids';
import { MARKETS, TOKENS, lockToken } from '@/lib/math/params';
import { tokenToUsd } from '@/lib/math/convert';
import { marketOpenState } from '@/lib/views/market-state';
import type { MarketView } from '@/lib/views/types';
import type { ChainSnapshot } from '../snapshot';

/** Every market; `price24hAgo` comes from the candles (the caller's `opens` by feed). */
export function readChainMarkets(s: ChainSnapshot, opens: ReadonlyMap<string, bigint>): MarketView[] {
  return MARKET_IDS.map((id) => {
    const m = MARKETS[id];
    const quote = s.marketQuote(id);
    const longToken = lockToken(id, 'long');
    const shortToken = lockToken(id, 'short');
    const long = s.custody(m.pool, longToken);
    const short = s.custody(m.pool, shortToken);
    const freeUsd = (c: typeof long, token: typeof longToken) =>
      tokenToUsd({ amount: c.owned > c.locked ? c.owned - c.locked : 0n, price: s.tokenQuote(token).low, decimals: TOKENS[token].decimals }, 'floor');
    const hours = marketOpenState(id, s.nowS);
    return {
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
      openInterestLongUsd: s.aggregate(id, 'long').sizeUsd,
      openInterestShortUsd: s.aggregate(id, 'short').sizeUsd,
      borrowRateLongHourly: long.rateHourly,
      borrowRateShortHourly: short.rateHourly,
      open: hours.open,
      openInterestCapUsd: m.openInterestCapUsd,
      availableLiquidityLongUsd: freeUsd(long, longToken),
      availableLiquidityShortUsd: freeUsd(short, shortToken),
      reopensAt: hours.reopensAt,
      stale: quote.stale,
      price24hAgo: opens.get(m.feed) ?? null,
    };
  });
}
