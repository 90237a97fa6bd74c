import { FEED_IDS, isMarketId, type FeedId } from '@/lib/math/ids';
import { GENESIS, VOLATILITY } from '@/lib/math/params';
import { bucketStart } from './candles';
import { insertCandleHistory, latestCandles, type FeedCandle } from './candle-store';
import type { OracleDatabase } from './db-port';
import type { PriceSource } from './price-source';
import { RandomWalk } from './random-walk';
import type { Clock, OraclePrice } from './types';

export const HISTORY_DAYS = 30;

export interface SimulatedSourceOptions {
  clock: Clock;
  seed: number;
  tickMs: number;
  /** When given, missing 1m history (up to `historyDays`) is generated and stored at start. */
  db?: OracleDatabase;
  historyDays?: number;
  startPrices?: Partial<Record<FeedId, bigint>>;
}

/**
 * The simulated feed (ORACLE=simulated, protocol.md §9): per feed a seeded geometric Brownian motion with the
 * §9 volatilities (USDC fixed at $1), one tick per `tickMs`, stamped with the engine clock. At start it fills the
 * 1m candle history: from the last stored candle (or `historyDays` back) up to the current minute, continuing the
 * walk from the last stored close, so charts are full on first start and the live walk continues the chart.
 */
export class SimulatedSource implements PriceSource {
  readonly mode = 'simulated' as const;
  private readonly walks: RandomWalk[];
  private timer: ReturnType<typeof setInterval> | undefined;
  private emit: ((prices: readonly OraclePrice[]) => void) | undefined;

  constructor(private readonly options: SimulatedSourceOptions) {
    this.walks = FEED_IDS.map(
      (feed) =>
        new RandomWalk(feed, VOLATILITY[feed], options.startPrices?.[feed] ?? GENESIS.prices[feed], options.seed),
    );
  }

  async start(emit: (prices: readonly OraclePrice[]) => void): Promise<void> {
    this.emit = emit;
    if (this.options.db !== undefined) await this.backfill(this.options.db);
    emit(this.current());
    this.timer = setInterval(() => this.tick(), this.options.tickMs);
    this.timer.unref?.();
  }

  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.emit = undefined;
  }

  /** One step of every walk (the timer calls it; tests call it directly). */
  tick(): readonly OraclePrice[] {
    const publishTime = this.options.clock.nowS();
    const prices = this.walks.map((w) => ({ feed: w.feed, price: w.step(this.options.tickMs / 1000), publishTime }));
    this.emit?.(prices);
    return prices;
  }

  /** Generates the 1m candles of the minutes before the current one (all market feeds). */
  history(args: { fromS: (feed: FeedId) => number; toS: number }): FeedCandle[] {
    return this.walks
      .filter((w) => isMarketId(w.feed))
      .flatMap((w) => w.history(args.fromS(w.feed), args.toS).map((c) => ({ ...c, feed: w.feed })));
  }

  private current(): OraclePrice[] {
    const publishTime = this.options.clock.nowS();
    return this.walks.map((w) => ({ feed: w.feed, price: w.price(), publishTime }));
  }

  private async backfill(db: OracleDatabase): Promise<void> {
    const latest = await latestCandles(db.sql);
    const toS = bucketStart(this.options.clock.nowS(), 60);
    const earliestS = toS - (this.options.historyDays ?? HISTORY_DAYS) * 86_400;
    for (const walk of this.walks) {
      const last = latest.get(walk.feed);
      if (last !== undefined) walk.resetTo(last.close);
    }
    const rows = this.history({
      fromS: (feed) => Math.max(earliestS, (latest.get(feed)?.time ?? earliestS - 60) + 60),
      toS,
    });
    await insertCandleHistory(db, rows);
  }
}
