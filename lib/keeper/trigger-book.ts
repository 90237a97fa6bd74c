import { SortedEntries, triggerAscending, triggerDescending } from './sorted-entries';

/**
 * (Moved here from lib/engine/keeper-book.ts, whose copy leaves with the engine; generic over keys: the chain
 * keeper keys entries by account address.)
 * An in-memory trigger book for one market: entries that fire when the price falls to or below their trigger
 * (long liquidation, long stop loss, long limit order, short take profit) and entries that fire when it rises to or
 * above it (the mirrors). Both sides stay sorted in place (ties by key), so with n entries a change costs O(log n)
 * (binary search + splice) and a price update reads only the crossed prefix: O(k) for k crossed, never a re-sort.
 * Each entry belongs to an owner (`triggerOwner`: one position or one order); an owner's keys are remembered so
 * replacing or dropping them touches only those keys.
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

/** The owner of an entry: `o:${id}` for an order, `p:${id}` for a position's liquidation / TP / SL. */
export function triggerOwner(entry: Pick<TriggerEntry, 'id' | 'kind'>): string {
  return `${entry.kind === 'order' ? 'o' : 'p'}:${entry.id}`;
}

const RANK: Record<TriggerKind, number> = { liquidation: 0, stopLoss: 1, takeProfit: 2, order: 3 };

export class TriggerBook {
  private readonly entries = new Map<string, TriggerEntry>();
  /** Each owner's keys (at most three: liquidation, TP, SL). */
  private readonly owners = new Map<string, string[]>();
  private readonly below = new SortedEntries(triggerDescending);
  private readonly above = new SortedEntries(triggerAscending);

  get size(): number {
    return this.entries.size;
  }

  private side(entry: TriggerEntry): SortedEntries {
    return entry.direction === 'below' ? this.below : this.above;
  }

  /** Inserts or updates by key: O(log n) (an unchanged trigger and direction keeps its slot). */
  set(entry: TriggerEntry): void {
    const old = this.entries.get(entry.key);
    if (old) {
      if (old.trigger === entry.trigger && old.direction === entry.direction && triggerOwner(old) === triggerOwner(entry)) {
        this.side(old).replace(old, entry);
        this.entries.set(entry.key, entry);
        return;
      }
      this.delete(entry.key);
    }
    this.entries.set(entry.key, entry);
    this.side(entry).insert(entry);
    this.addOwned(entry);
  }

  private addOwned(entry: TriggerEntry): void {
    const owner = triggerOwner(entry);
    const keys = this.owners.get(owner);
    if (!keys) this.owners.set(owner, [entry.key]);
    else if (!keys.includes(entry.key)) keys.push(entry.key);
  }

  delete(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.side(old).remove(old);
    const owner = triggerOwner(old);
    const rest = this.owners.get(owner)?.filter((k) => k !== key) ?? [];
    if (rest.length > 0) this.owners.set(owner, rest);
    else this.owners.delete(owner);
  }

  /** Removes every entry of `owner` (see `triggerOwner`): O(log n) per entry. */
  deleteOwner(owner: string): void {
    const keys = this.owners.get(owner);
    if (keys) for (const key of [...keys]) this.delete(key);
  }

  /** Makes `entries` the whole set of `owner`'s entries: its other keys are dropped, these inserted or updated. */
  setOwner(owner: string, entries: readonly TriggerEntry[]): void {
    const keys = this.owners.get(owner);
    if (keys) for (const key of [...keys]) if (!entries.some((e) => e.key === key)) this.delete(key);
    for (const e of entries) this.set(e);
  }

  /** Removes every entry whose key starts with `prefix`. Scans every key (O(n)): not for the hot path, use `deleteOwner`. */
  deletePrefix(prefix: string): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.delete(key);
  }

  clear(): void {
    this.load([]);
  }

  /** Replaces the whole book (a rebuild): one sort per side, O(n log n). A repeated key keeps its last entry. */
  load(entries: Iterable<TriggerEntry>): void {
    this.entries.clear();
    this.owners.clear();
    for (const e of entries) this.entries.set(e.key, e);
    const below: TriggerEntry[] = [];
    const above: TriggerEntry[] = [];
    for (const e of this.entries.values()) {
      (e.direction === 'below' ? below : above).push(e);
      this.addOwned(e);
    }
    this.below.load(below);
    this.above.load(above);
  }

  /**
   * Entries crossed at `price`, liquidations first (they protect the pool), then SL, TP, then orders; within a
   * kind, the "below" side first (highest trigger first), then the "above" side (lowest first), ties by key.
   */
  crossed(price: bigint): TriggerEntry[] {
    const out: TriggerEntry[] = [];
    this.below.prefix((e) => e.trigger >= price, out);
    this.above.prefix((e) => e.trigger <= price, out);
    return out.sort((a, b) => RANK[a.kind] - RANK[b.kind]);
  }
}
