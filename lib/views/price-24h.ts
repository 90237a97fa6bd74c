/**
 * The reference for a market's 24-hour change (an API addition; Adrena and GMX show the same figure): the open of
 * the oldest of the last 24 one-hour candles, i.e. of the first 1m candle since the start of the hour 23 hours
 * before the current one. Returns that start, unix seconds.
 */
export function price24hAgoSinceS(nowS: number): number {
  return Math.floor(nowS / 3_600) * 3_600 - 23 * 3_600;
}
