import { HttpError } from '@/lib/http/errors';
import { isMarketId, MARKET_IDS, type MarketId } from '@/lib/math/ids';
import {
  CANDLE_INTERVALS,
  CANDLE_LIMIT_DEFAULT,
  CANDLE_LIMIT_MAX,
  isCandleInterval,
  type CandleInterval,
} from '@/lib/oracle/candles';

export interface CandlesQuery {
  market: MarketId;
  interval: CandleInterval;
  limit: number;
}

/**
 * `?market=SOL&interval=1m|5m|15m|1h|4h|1d&limit=N` (api.md): market required, interval default 1m, limit
 * 1…1000 digits only (default 300). Refusals are HttpError 400 with codes UNKNOWN_MARKET, INVALID_INTERVAL,
 * INVALID_LIMIT.
 */
export function parseCandlesQuery(params: URLSearchParams): CandlesQuery {
  const market = params.get('market');
  if (!isMarketId(market)) {
    throw new HttpError(400, 'UNKNOWN_MARKET', `market must be one of ${MARKET_IDS.join(', ')}.`);
  }
  const interval = params.get('interval') ?? '1m';
  if (!isCandleInterval(interval)) {
    throw new HttpError(400, 'INVALID_INTERVAL', `interval must be one of ${Object.keys(CANDLE_INTERVALS).join(', ')}.`);
  }
  const limitText = params.get('limit');
  const limit = limitText === null ? CANDLE_LIMIT_DEFAULT : /^\d{1,4}$/.test(limitText) ? Number(limitText) : NaN;
  if (!(limit >= 1 && limit <= CANDLE_LIMIT_MAX)) {
    throw new HttpError(400, 'INVALID_LIMIT', `limit must be a whole number from 1 to ${CANDLE_LIMIT_MAX}.`);
  }
  return { market, interval, limit };
}
