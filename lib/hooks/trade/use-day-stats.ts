'use client';
/** 24h change, high and low of a market from its 1h candles (`/api/candles`) and the live price. */
import { useCandles } from '@/lib/hooks/use-candles';
import { usePrice } from '@/lib/hooks/use-prices';
import type { MarketId } from '@/lib/math/ids';
import { DAY_CANDLES, dayStats } from '@/lib/trade/market-stats';
import type { DayStats } from '@/lib/trade/market-stats';

export function useDayStats(market: MarketId): DayStats | undefined {
  const { data: candles } = useCandles({ market, ...DAY_CANDLES });
  const live = usePrice(market);
  if (!candles || !live) return undefined;
  const nowS = Math.max(live.publishTime, candles[candles.length - 1]?.time ?? 0);
  return dayStats({ candles, price: live.price, nowS });
}
