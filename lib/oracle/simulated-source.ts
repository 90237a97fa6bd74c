import { FEED_IDS, isMarketId, type FeedId } from '@/lib/math/ids';
import { GENESIS, VOLATILITY } from '@/lib/math/params';
import { bucketStart } from './candles';
import { insertCandleHistory, latestCandles, type FeedCandle } from './candle-store';
import type { OracleDatabase } from './db-port';
import { readPriceMarks, writePriceMarks } from './price-marks-store';
import { hashSeed } from './prng';
import type { PriceSource, SourceEmit } from './price-source';
import { RandomWalk } from './random-walk';
import type { Clock, OraclePrice } from './types';

export const HISTORY_DAYS = 30;
/** Session advisory lock of the simulated walk's leader (PostgreSQL); next to lib/db's 7_346_00x keys. */
export const SIMULATOR_LOCK_KEY = 7_346_004;

/**
 * Advisory locks are per database, not per schema: a PostgreSQL handle bound to a schema (`schemaName`, e.g. one
 * per test file) gets its own key so separate deployments in one database do not follow each other.
 */
export function simulatorLockKey(db: object): number {
  const schema = (db as { schemaName?: unknown }).schemaName;
  return typeof schema === 'string' ? SIMULATOR_LOCK_KEY * 1_000_000_000 + (hashSeed(schema) % 1_000_000_000) : SIMULATOR_LOCK_KEY;
}

export interface SimulatedSourceOptions {
  clock: Clock;
  seed: number;
  tickMs: number;
  /** When given, missing 1m history (up to `historyDays`) is generated and stored at start. */
  db?: OracleDatabase;
  historyDays?: number;
  startPrices?: Partial<Record<FeedId, bigint>>;
  /** How often a follower tries to take over the walk (PostgreSQL, several instances). */
  leaseRetryMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * The simulated feed (ORACLE=simulated, protocol.md §9): per feed a seeded geometric Brownian motion with the
 * §9 volatilities (USDC fixed at $1), one tick per `tickMs`, stamped with the engine clock. At start it fills the
 * 1m candle history: from the last stored candle (or `historyDays` back) up to the current minute, continuing the
 * walk from the last stored close, so charts are full on first start and the live walk continues the chart.
 *
 * Several instances on one PostgreSQL database share one walk (like the keeper's lease): the holder of a session
 * advisory lock walks and writes each tick to `price_marks`; the others read `price_marks` every tick and publish
 * what they read (without storing candles again). When the leader dies a follower takes the lock, and resumes
 * from the stored history and the last marks.
 */
export class SimulatedSource implements PriceSource {
  readonly mode = 'simulated' as const;
  private readonly walks: RandomWalk[];
  private tickTimer: ReturnType<typeof setInterval> | undefined;
  private followTimer: ReturnType<typeof setInterval> | undefined;
  private leaseTimer: ReturnType<typeof setInterval> | undefined;
  private emit: SourceEmit | undefined;
  private shared = false;
  private leading = false;
  private leaseAttempt: Promise<void> | undefined;
  private lastSeen = new Map<FeedId, string>();
  private markWrite: Promise<void> = Promise.resolve();
  private releaseLock: (() => Promise<void>) | undefined;

  constructor(private readonly options: SimulatedSourceOptions) {
    this.walks = FEED_IDS.map(
      (feed) => new RandomWalk(feed, VOLATILITY[feed], options.startPrices?.[feed] ?? GENESIS.prices[feed], options.seed),
    );
  }

  /** True when this instance walks (always, except a PostgreSQL follower). */
  isLeader(): boolean {
    return this.leading;
  }

  async start(emit: SourceEmit): Promise<void> {
    this.emit = emit;
    this.shared = this.options.db?.acquireSessionLock !== undefined;
    if (!this.shared) return this.lead();
    await this.tryLead();
    if (!this.leading) await this.follow();
  }

  async stop(): Promise<void> {
    this.emit = undefined;
    for (const timer of [this.tickTimer, this.followTimer, this.leaseTimer]) if (timer !== undefined) clearInterval(timer);
    this.tickTimer = this.followTimer = this.leaseTimer = undefined;
    await this.markWrite;
    const release = this.releaseLock;
    this.releaseLock = undefined;
    this.leading = false;
    await release?.();
  }

  /** An immediate tick when this instance walks (after `/api/dev/clock`, so marks carry the new time at once). */
  poke(): void {
    if (this.leading && this.emit !== undefined) this.tick();
  }

  /** One step of every walk (the timer calls it; tests call it directly). */
  tick(): readonly OraclePrice[] {
    const publishTime = this.options.clock.nowS();
    const prices = this.walks.map((w) => ({ feed: w.feed, price: w.step(this.options.tickMs / 1000), publishTime }));
    this.publishLeading(prices);
    return prices;
  }

  /** Generates the 1m candles of the minutes before the current one (all market feeds). */
  history(args: { fromS: (feed: FeedId) => number; toS: number }): FeedCandle[] {
    return this.walks
      .filter((w) => isMarketId(w.feed))
      .flatMap((w) => w.history(args.fromS(w.feed), args.toS).map((c) => ({ ...c, feed: w.feed })));
  }

  private async lead(): Promise<void> {
    const db = this.options.db;
    if (db !== undefined) {
      await this.backfill(db);
      if (this.shared) for (const mark of await readPriceMarks(db.sql)) this.walkOf(mark.feed)?.resetTo(mark.price);
    }
    this.leading = true;
    const publishTime = this.options.clock.nowS();
    this.publishLeading(this.walks.map((w) => ({ feed: w.feed, price: w.price(), publishTime })));
    this.tickTimer = setInterval(() => this.tick(), this.options.tickMs);
    this.tickTimer.unref?.();
  }

  private publishLeading(prices: readonly OraclePrice[]): void {
    this.emit?.(prices);
    const db = this.options.db;
    if (!this.shared || db === undefined) return;
    this.markWrite = this.markWrite.then(() => writePriceMarks(db.sql, prices)).catch((e: unknown) => this.report(e));
  }

  private tryLead(): Promise<void> {
    this.leaseAttempt ??= this.attemptLease().finally(() => {
      this.leaseAttempt = undefined;
    });
    return this.leaseAttempt;
  }

  private async attemptLease(): Promise<void> {
    const db = this.options.db;
    if (this.leading || this.emit === undefined || db?.acquireSessionLock === undefined) return;
    const lock = await db.acquireSessionLock(simulatorLockKey(db)).catch((e: unknown) => this.report(e));
    if (lock === undefined) return;
    if (this.emit === undefined) return lock.release();
    this.releaseLock = () => lock.release();
    void lock.lost.then(() => this.demote());
    if (this.followTimer !== undefined) clearInterval(this.followTimer);
    if (this.leaseTimer !== undefined) clearInterval(this.leaseTimer);
    this.followTimer = this.leaseTimer = undefined;
    await this.lead();
  }

  /** Lost the lock: stop walking and follow whoever takes over. */
  private demote(): void {
    if (!this.leading || this.emit === undefined) return;
    this.leading = false;
    if (this.tickTimer !== undefined) clearInterval(this.tickTimer);
    this.tickTimer = undefined;
    void this.follow();
  }

  private async follow(): Promise<void> {
    await this.readMarks();
    this.followTimer = setInterval(() => void this.readMarks(), this.options.tickMs);
    this.leaseTimer = setInterval(() => void this.tryLead(), this.options.leaseRetryMs ?? 5_000);
    this.followTimer.unref?.();
    this.leaseTimer.unref?.();
  }

  private async readMarks(): Promise<void> {
    const db = this.options.db;
    if (db === undefined || this.leading) return;
    try {
      const marks = await readPriceMarks(db.sql);
      const fresh = marks.filter((m) => this.lastSeen.get(m.feed) !== `${m.price}@${m.publishTime}`);
      for (const m of fresh) this.lastSeen.set(m.feed, `${m.price}@${m.publishTime}`);
      if (fresh.length > 0 && !this.leading) this.emit?.(fresh, { storeCandles: false });
    } catch (error) {
      this.report(error);
    }
  }

  private walkOf(feed: FeedId): RandomWalk | undefined {
    return this.walks.find((w) => w.feed === feed);
  }

  private report(error: unknown): undefined {
    (this.options.onError ?? ((e: unknown) => console.warn('simulated oracle:', e)))(error);
    return undefined;
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
