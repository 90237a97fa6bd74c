'use client';
import { useQuery } from '@tanstack/react-query';
import { getCandles } from '@/lib/client/api';
import type { CandleInterval } from '@/lib/client/types';
import { queryKeys } from '@/lib/hooks/query-keys';
import { useHydratedQuery } from '@/lib/hooks/use-hydrated';
import type { MarketId } from '@/lib/math/ids';

const REFRESH_MS: Record<CandleInterval, number> = { '1m': 15_000, '5m': 30_000, '15m': 60_000, '1h': 120_000, '4h': 300_000, '1d': 600_000 };

/** `GET /api/candles`; the chart appends live ticks itself, so this refreshes slowly. */
export function useCandles({ market, interval, limit = 300 }: { market: MarketId; interval: CandleInterval; limit?: number }) {
  const queryKey = queryKeys.candles(market, interval, limit);
  return useHydratedQuery(useQuery({ queryKey, queryFn: ({ signal }) => getCandles({ market, interval, limit }, { signal }), refetchInterval: REFRESH_MS[interval] }), queryKey);
}
