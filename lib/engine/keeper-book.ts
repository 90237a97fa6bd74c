/**
 * An in-memory trigger book for one market: entries that fire when the price falls to or below their trigger
 * (long liquidation, long stop loss, long limit order, short take profit) and entries that fire when it rises to or
 * above it (the mirrors). Sorted lazily after changes, so a price update reads only the crossed prefix: O(k) per
 * update plus O(n log n) after a change.
 */
export type TriggerKind = 'liquidation' | 'takeProfit' | 'stopLoss' | 'order';

export interface TriggerEntry {
  key: string;
  id: string;
  kind: TriggerKind;
  trigger: bigint;
  /** 'below': fires when price ≤ trigger; 'above': when price ≥ trigger. */
  direction: 'below' | 'above';
}

export class TriggerBook {
  private readonly entries = new Map<string, TriggerEntry>();
  private below: TriggerEntry[] = [];
  private above: TriggerEntry[] = [];
  private dirty = false;

  get size(): number {
    return this.entries.size;
  }

  set(entry: TriggerEntry): void {
    this.entries.set(entry.key, entry);
    this.dirty = true;
  }

  delete(key: string): void {
    if (this.entries.delete(key)) this.dirty = true;
  }

  /** Removes every entry whose key starts with `prefix` (all triggers of one position or order). */
  deletePrefix(prefix: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.dirty = true;
  }

  /** Entries crossed at `price`, liquidations first (they protect the pool), then TP/SL, then orders. */
  crossed(price: bigint): TriggerEntry[] {
    if (this.dirty) this.sort();
    const out: TriggerEntry[] = [];
    for (const e of this.below) {
      if (e.trigger < price) break;
      out.push(e);
    }
    for (const e of this.above) {
      if (e.trigger > price) break;
      out.push(e);
    }
    const rank: Record<TriggerKind, number> = { liquidation: 0, stopLoss: 1, takeProfit: 2, order: 3 };
    return out.sort((a, b) => rank[a.kind] - rank[b.kind]);
  }

  private sort(): void {
    const all = [...this.entries.values()];
    this.below = all.filter((e) => e.direction === 'below').sort((a, b) => (a.trigger > b.trigger ? -1 : a.trigger < b.trigger ? 1 : 0));
    this.above = all.filter((e) => e.direction === 'above').sort((a, b) => (a.trigger < b.trigger ? -1 : a.trigger > b.trigger ? 1 : 0));
    this.dirty = false;
  }
}
