/** (Moved here from lib/engine/keeper-sorted-list.ts, whose copy leaves with the engine.) */
import type { TriggerEntry } from './trigger-book';

/** Array order of a list: negative when `a` sits before `b`. */
export type EntryOrder = (a: TriggerEntry, b: TriggerEntry) => number;

const byKey = (a: TriggerEntry, b: TriggerEntry): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Highest trigger first, ties by key: the "fires when price ≤ trigger" side, crossed entries form a prefix. */
export const triggerDescending: EntryOrder = (a, b) => (a.trigger > b.trigger ? -1 : a.trigger < b.trigger ? 1 : byKey(a, b));
/** Lowest trigger first, ties by key: the "fires when price ≥ trigger" side. */
export const triggerAscending: EntryOrder = (a, b) => (a.trigger < b.trigger ? -1 : a.trigger > b.trigger ? 1 : byKey(a, b));

/**
 * Trigger entries kept sorted in place: insert and remove find their slot by binary search (O(log n)) and
 * splice (a memmove, microseconds at 100k); keys are unique, so (trigger, key) is a total order and a removal
 * finds its exact slot. `load` sorts once (O(n log n)) for a rebuild.
 */
export class SortedEntries {
  private items: TriggerEntry[] = [];

  constructor(private readonly order: EntryOrder) {}

  get length(): number {
    return this.items.length;
  }

  /** The first index whose entry does not sit before `entry`. */
  private lowerBound(entry: TriggerEntry): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const item = this.items[mid];
      if (item !== undefined && this.order(item, entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(entry: TriggerEntry): void {
    this.items.splice(this.lowerBound(entry), 0, entry);
  }

  /** Removes the entry with `entry`'s key and trigger; false if absent. */
  remove(entry: TriggerEntry): boolean {
    const i = this.lowerBound(entry);
    if (this.items[i]?.key !== entry.key) return false;
    this.items.splice(i, 1);
    return true;
  }

  /** Swaps in `next` for the entry of the same key and trigger (same slot); false if absent. */
  replace(entry: TriggerEntry, next: TriggerEntry): boolean {
    const i = this.lowerBound(entry);
    if (this.items[i]?.key !== entry.key) return false;
    this.items[i] = next;
    return true;
  }

  /** Replaces the contents with `entries`, sorted once. */
  load(entries: TriggerEntry[]): void {
    this.items = entries.sort(this.order);
  }

  /** The leading entries for which `take` holds (stops at the first that fails). */
  prefix(take: (e: TriggerEntry) => boolean, out: TriggerEntry[]): void {
    for (const e of this.items) {
      if (!take(e)) return;
      out.push(e);
    }
  }

  values(): readonly TriggerEntry[] {
    return this.items;
  }
}
