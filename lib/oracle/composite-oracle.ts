import { isMarketId, type FeedId } from '@/lib/math/ids';
import type { CandleWriter } from './candle-writer';
import { JumpGuard } from './jump-guard';
import type { PriceSource } from './price-source';
import type { Oracle, OracleMode, OraclePrice, PriceListener } from './types';

export interface CompositeOracleOptions {
  /** The automatic source; none for ORACLE=manual. */
  source?: PriceSource;
  /** Stores every published tick as 1m candles. */
  candles?: CandleWriter;
  /** Initial manual prices (ORACLE=manual starts from the §9 defaults), stamped `initialNowS`. */
  manual?: Partial<Record<FeedId, bigint>>;
  initialNowS?: number;
}

/**
 * The oracle the server runs: an automatic source (simulated or Pyth) with per-feed manual overrides. A feed set
 * by `setManualPrices` (ORACLE=manual, `/api/dev/prices`) is pinned to its manual price, stamped with the engine
 * clock and never stale, while the other feeds keep following the source. `mode()` reports `'manual'` as soon as
 * one feed is manual: from then on the prices are no longer all the source's, and /api/health should say so.
 * Source updates pass the `JumpGuard` (a >50% move waits for confirmation); manual prices do not. Every published
 * price (source or manual) is written to the 1m candles and sent to subscribers (keeper, `/api/stream`).
 */
export class CompositeOracle implements Oracle {
  private readonly sourcePrices = new Map<FeedId, OraclePrice>();
  private readonly manualPrices = new Map<FeedId, OraclePrice>();
  private readonly listeners = new Set<PriceListener>();
  private readonly guard = new JumpGuard();

  constructor(private readonly options: CompositeOracleOptions = {}) {
    if (options.manual !== undefined) this.setManualPrices(options.manual, options.initialNowS ?? 0);
  }

  mode(): OracleMode {
    if (this.manualPrices.size > 0 || this.options.source === undefined) return 'manual';
    return this.options.source.mode;
  }

  getPrice(feed: FeedId): OraclePrice | undefined {
    return this.manualPrices.get(feed) ?? this.sourcePrices.get(feed);
  }

  getAll(): readonly OraclePrice[] {
    const feeds = new Set([...this.sourcePrices.keys(), ...this.manualPrices.keys()]);
    return [...feeds].flatMap((feed) => this.getPrice(feed) ?? []);
  }

  isManual(feed: FeedId): boolean {
    return this.manualPrices.has(feed);
  }

  setManualPrices(prices: Partial<Record<FeedId, bigint>>, nowS: number): readonly OraclePrice[] {
    const updated: OraclePrice[] = [];
    for (const [feed, price] of Object.entries(prices) as [FeedId, bigint | undefined][]) {
      if (price === undefined || price <= 0n) continue;
      const mark: OraclePrice = { feed, price, publishTime: nowS };
      this.manualPrices.set(feed, mark);
      this.guard.reset(feed, price);
      updated.push(mark);
    }
    this.publish(updated);
    return updated;
  }

  /**
   * Asks the source for a fresh update now. Call it after the engine clock jumps (`/api/dev/clock`): a simulated
   * price is otherwise stamped with the old time until the next tick (up to ORACLE_TICK_MS) and could read stale.
   */
  poke(): void {
    this.options.source?.poke?.();
  }

  /** Returns a feed to its source (a dev convenience; not part of the Oracle port). */
  clearManual(feeds: readonly FeedId[]): void {
    for (const feed of feeds) this.manualPrices.delete(feed);
  }

  subscribe(listener: PriceListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async start(): Promise<void> {
    await this.options.source?.start((prices, opts) => this.onSourcePrices(prices, opts?.storeCandles ?? true));
  }

  async stop(): Promise<void> {
    await this.options.source?.stop();
    await this.options.candles?.flush();
    this.listeners.clear();
  }

  private onSourcePrices(prices: readonly OraclePrice[], storeCandles: boolean): void {
    const accepted = this.guard.filter(prices.filter((p) => !this.manualPrices.has(p.feed)));
    for (const p of accepted) this.sourcePrices.set(p.feed, p);
    this.publish(accepted, storeCandles);
  }

  private publish(updated: readonly OraclePrice[], storeCandles = true): void {
    if (updated.length === 0) return;
    if (storeCandles) this.options.candles?.record(updated.filter((p) => isMarketId(p.feed)));
    for (const listener of this.listeners) {
      try {
        listener(updated);
      } catch (error) {
        console.error('oracle listener failed', error);
      }
    }
  }
}
