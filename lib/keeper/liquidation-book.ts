/**
 * The liquidation prices of one (market, side), sorted, for a keeper that must find every liquidatable position
 * on every price update (protocol.md §6) while borrow fees move each liquidation price a little every second.
 *
 * Each entry is the exact liquidation price at the lock custody's cumulative interest `interestRef` of the moment
 * it was computed. As interest accrues a long's liquidation price rises and a short's falls; from `interestRef` to
 * `interestNow` (ΔI, 1e9 = 100%) the move is at most `ceil(P0 × ΔI / 1e9) + ceil(P0 / sizeUsd) + 1` price units
 * (the borrow fee grows by at most `ceil(sizeUsd × ΔI / 1e9)` micro-USD, each worth `P0 / sizeUsd` of price, plus
 * the liquidation price's own rounding). So a query widens the price by that bound, taken with the largest `P0`
 * and `P0 / sizeUsd` in the book and the smallest `interestRef`, and returns a superset of the positions
 * liquidatable now; the planner checks each candidate exactly. No projection horizon, no correctness cliff when a
 * refresh is late: an old entry only widens the band. `refreshOldest` re-prices the oldest entries (the keeper
 * does a few each sweep) so the band stays a few cents wide.
 *
 * Costs with n entries: set / delete O(log n) + one splice; a query O(log n + candidates); `rescanBounds` O(n).
 */
import type { Side } from '@/lib/math/ids';
import { RATE_ONE } from '@/lib/math/scales';
import { SortedEntries, triggerAscending, triggerDescending } from './sorted-entries';
import type { TriggerEntry } from './trigger-book';

export interface LiquidationRef {
  entry: TriggerEntry;
  /** The cumulative interest the trigger was computed at. */
  interestRef: bigint;
  entryPrice: bigint;
  sizeUsd: bigint;
}

const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;

export class LiquidationBook {
  private readonly list: SortedEntries;
  /** Insertion order = the order the entries were (re)computed: the first is the oldest reference. */
  private readonly refs = new Map<string, LiquidationRef>();
  private maxEntryPrice = 0n;
  private maxPricePerSize = 0n;
  /** The smallest `interestRef` of any entry since the last rescan (a lower bound: deletions do not raise it). */
  private minInterestRef: bigint | undefined;

  constructor(readonly side: Side) {
    this.list = new SortedEntries(side === 'long' ? triggerDescending : triggerAscending);
  }

  get size(): number {
    return this.refs.size;
  }

  get(key: string): LiquidationRef | undefined {
    return this.refs.get(key);
  }

  private track(ref: LiquidationRef): void {
    if (this.minInterestRef === undefined || ref.interestRef < this.minInterestRef) this.minInterestRef = ref.interestRef;
    if (ref.entryPrice > this.maxEntryPrice) this.maxEntryPrice = ref.entryPrice;
    const perSize = ref.sizeUsd > 0n ? ceilDiv(ref.entryPrice, ref.sizeUsd) : ref.entryPrice;
    if (perSize > this.maxPricePerSize) this.maxPricePerSize = perSize;
  }

  private entry(key: string, trigger: bigint): TriggerEntry {
    return { key, id: key, kind: 'liquidation', trigger, direction: this.side === 'long' ? 'below' : 'above' };
  }

  /** Inserts or re-prices `key` (it becomes the newest reference). */
  set(key: string, trigger: bigint, interestRef: bigint, entryPrice: bigint, sizeUsd: bigint): void {
    this.delete(key);
    const ref: LiquidationRef = { entry: this.entry(key, trigger), interestRef, entryPrice, sizeUsd };
    this.refs.set(key, ref);
    this.list.insert(ref.entry);
    this.track(ref);
  }

  delete(key: string): void {
    const old = this.refs.get(key);
    if (!old) return;
    this.refs.delete(key);
    this.list.remove(old.entry);
  }

  /** Replaces the whole book: one sort. Entries in the order given become the reference order. */
  load(entries: Iterable<{ key: string; trigger: bigint; interestRef: bigint; entryPrice: bigint; sizeUsd: bigint }>): void {
    this.refs.clear();
    this.maxEntryPrice = 0n;
    this.maxPricePerSize = 0n;
    this.minInterestRef = undefined;
    const list: TriggerEntry[] = [];
    for (const e of entries) {
      const ref: LiquidationRef = { entry: this.entry(e.key, e.trigger), interestRef: e.interestRef, entryPrice: e.entryPrice, sizeUsd: e.sizeUsd };
      const old = this.refs.get(e.key);
      if (old) list.splice(list.indexOf(old.entry), 1);
      this.refs.delete(e.key);
      this.refs.set(e.key, ref);
      list.push(ref.entry);
      this.track(ref);
    }
    this.list.load(list);
  }

  clear(): void {
    this.load([]);
  }

  /** The oldest reference (the smallest interest any entry was priced at). */
  oldestInterest(): bigint | undefined {
    for (const ref of this.refs.values()) return ref.interestRef;
    return undefined;
  }

  /** How far (price units) any entry's liquidation price may have moved since it was computed. */
  widening(interestNow: bigint): bigint {
    const oldest = this.minInterestRef;
    if (oldest === undefined || this.refs.size === 0) return 0n;
    const delta = interestNow > oldest ? interestNow - oldest : 0n;
    return ceilDiv(this.maxEntryPrice * delta, RATE_ONE) + this.maxPricePerSize + 1n;
  }

  /**
   * Every entry that may be liquidatable at `price` with interest accrued to `interestNow` (a superset: check each
   * exactly), most endangered first.
   */
  candidates(price: bigint, interestNow: bigint, out: TriggerEntry[] = []): TriggerEntry[] {
    const w = this.widening(interestNow);
    if (this.side === 'long') {
      const bound = price - w;
      this.list.prefix((e) => e.trigger >= bound, out);
    } else {
      const bound = price + w;
      this.list.prefix((e) => e.trigger <= bound, out);
    }
    return out;
  }

  /**
   * Up to `limit` of the oldest entries priced before `olderThan` (interest), for the caller to re-price through
   * `set` (which moves them to the back).
   */
  oldest(limit: number, olderThan: bigint): string[] {
    const out: string[] = [];
    for (const [key, ref] of this.refs) {
      if (out.length >= limit || ref.interestRef >= olderThan) break;
      out.push(key);
    }
    return out;
  }

  /** The `n` entries nearest their liquidation price (first in price order). */
  mostEndangered(n: number): readonly TriggerEntry[] {
    return this.list.values().slice(0, n);
  }

  /** Recomputes the widening's bounds from the entries present (between rescans they only widen). O(n). */
  rescanBounds(): void {
    this.maxEntryPrice = 0n;
    this.maxPricePerSize = 0n;
    this.minInterestRef = undefined;
    for (const ref of this.refs.values()) this.track(ref);
  }
}
