/** React Query keys, in one place so that the stream and actions invalidate what the hooks read. */
import type { CandleInterval } from '@/lib/client/types';
import type { MarketId } from '@/lib/math/ids';

export const queryKeys = {
  health: ['health'] as const,
  markets: ['markets'] as const,
  pools: ['pools'] as const,
  /** Prefix of every account query. */
  accounts: ['account'] as const,
  account: (owner: string) => ['account', owner] as const,
  histories: ['history'] as const,
  history: (owner: string) => ['history', owner] as const,
  candles: (market: MarketId, interval: CandleInterval, limit: number) => ['candles', market, interval, limit] as const,
  candlesOf: (market: MarketId) => ['candles', market] as const,
};
