import type { FeedId } from '@/lib/math/ids';
import type { Oracle, OracleMode, OraclePrice, PriceListener } from './types';

/**
 * Prices set by hand (`ORACLE=manual`, tests, and the base of `/api/dev/prices`): each set price is stamped with
 * the engine clock and never goes stale (api.md § Local network controls).
 */
export class ManualOracle implements Oracle {
  private readonly prices = new Map<FeedId, OraclePrice>();
  private readonly listeners = new Set<PriceListener>();

  constructor(initial: Partial<Record<FeedId, bigint>> = {}, nowS = 0) {
    this.setManualPrices(initial, nowS);
  }

  mode(): OracleMode {
    return 'manual';
  }

  getPrice(feed: FeedId): OraclePrice | undefined {
    return this.prices.get(feed);
  }

  getAll(): readonly OraclePrice[] {
    return [...this.prices.values()];
  }

  isManual(): boolean {
    return true;
  }

  setManualPrices(prices: Partial<Record<FeedId, bigint>>, nowS: number): readonly OraclePrice[] {
    const updated: OraclePrice[] = [];
    for (const [feed, price] of Object.entries(prices) as [FeedId, bigint | undefined][]) {
      if (price === undefined) continue;
      const mark: OraclePrice = { feed, price, publishTime: nowS };
      this.prices.set(feed, mark);
      updated.push(mark);
    }
    if (updated.length > 0) this.emit(updated);
    return updated;
  }

  subscribe(listener: PriceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected emit(updated: readonly OraclePrice[]): void {
    for (const listener of this.listeners) listener(updated);
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {
    this.listeners.clear();
  }
}
