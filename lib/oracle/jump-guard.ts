import type { FeedId } from '@/lib/math/ids';
import type { OraclePrice } from './types';

/** A single update moving a price by more than this (in bps of the last published price) is held. */
export const JUMP_HOLD_BPS = 5_000n;

function movesTooFar(from: bigint, to: bigint): boolean {
  const diff = to > from ? to - from : from - to;
  return diff * 10_000n > from * JUMP_HOLD_BPS;
}

/**
 * Outlier policy for source updates (simulated and Pyth, never manual prices): an update that moves a feed by
 * more than 50% from its last published price is **held**, not published. The next update decides:
 * - within 50% of the held price → the jump is confirmed and the next update is published;
 * - within 50% of the last published price → the held value was a glitch and is dropped, the update published;
 * - otherwise it becomes the new held value.
 * The first price of a feed is always published (there is nothing to compare with). GMX v1 and Adrena bound a
 * price by a second reference (Chainlink / confidence) instead; with one source, confirmation by the next update
 * is the nearest equivalent, and it costs one update of latency only in the rare case of a real 50% move.
 */
export class JumpGuard {
  private readonly published = new Map<FeedId, bigint>();
  private readonly held = new Map<FeedId, bigint>();

  /** Returns the updates to publish now, in input order. */
  filter(updates: readonly OraclePrice[]): OraclePrice[] {
    return updates.filter((update) => this.accept(update));
  }

  /** Records a price published by another path (a manual price), so later source updates compare with it. */
  reset(feed: FeedId, price: bigint): void {
    this.published.set(feed, price);
    this.held.delete(feed);
  }

  private accept(update: OraclePrice): boolean {
    const last = this.published.get(update.feed);
    const held = this.held.get(update.feed);
    const ok =
      last === undefined ||
      !movesTooFar(last, update.price) ||
      (held !== undefined && !movesTooFar(held, update.price));
    if (ok) this.reset(update.feed, update.price);
    else this.held.set(update.feed, update.price);
    return ok;
  }
}
