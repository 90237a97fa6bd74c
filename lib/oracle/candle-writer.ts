import type { FeedId } from '@/lib/math/ids';
import { applyTick, type Candle } from './candles';
import { upsertCandles, type FeedCandle } from './candle-store';
import type { OracleDatabase } from './db-port';
import type { OraclePrice } from './types';

/**
 * Turns published ticks into stored 1m candles. Ticks fold into in-memory candles (one per feed and minute) and
 * a flush upserts them in one statement; flushes never overlap, and a tick arriving during a flush waits for the
 * next one. A failed write is reported to `onError` and retried with the next flush (the candle is kept).
 */
export class CandleWriter {
  private pending = new Map<string, FeedCandle>();
  private readonly lastClose = new Map<FeedId, bigint>();
  private flushing: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly db: OracleDatabase,
    private readonly onError: (error: unknown) => void = (e) => console.error('candle write failed', e),
  ) {}

  /** Seeds the previous close per feed (the last stored candle), so the next candle opens where history ended. */
  seed(closes: ReadonlyMap<FeedId, Candle>): void {
    for (const [feed, candle] of closes) this.lastClose.set(feed, candle.close);
  }

  record(ticks: readonly OraclePrice[]): void {
    for (const tick of ticks) {
      const key = `${tick.feed}:${Math.floor(tick.publishTime / 60)}`;
      const candle = applyTick({ candle: this.pending.get(key), tick, previousClose: this.lastClose.get(tick.feed) });
      this.pending.set(key, { ...candle, feed: tick.feed });
      this.lastClose.set(tick.feed, tick.price);
    }
    void this.flush();
  }

  /** Writes everything recorded so far; resolves once it is stored (or the write failed and was reported). */
  flush(): Promise<void> {
    if (this.flushing !== undefined) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = this.writeLoop().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async writeLoop(): Promise<void> {
    do {
      this.again = false;
      const batch = this.pending;
      if (batch.size === 0) return;
      this.pending = new Map();
      try {
        await upsertCandles(this.db.sql, [...batch.values()]);
      } catch (error) {
        for (const [key, older] of batch) this.pending.set(key, mergeCandles(older, this.pending.get(key)));
        this.onError(error);
        return;
      }
    } while (this.again || this.pending.size > 0);
  }
}

/** `older` then `newer` of the same feed and minute as one candle. */
function mergeCandles(older: FeedCandle, newer: FeedCandle | undefined): FeedCandle {
  if (newer === undefined) return older;
  return {
    ...older,
    high: newer.high > older.high ? newer.high : older.high,
    low: newer.low < older.low ? newer.low : older.low,
    close: newer.close,
  };
}
