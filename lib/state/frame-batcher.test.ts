import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFrameBatcher } from './frame-batcher';
import { usePriceStore } from './prices';

describe('createFrameBatcher (no requestAnimationFrame here: the 16 ms timer)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hands over everything pushed before the frame, once, in order', () => {
    const flushed: number[][] = [];
    const b = createFrameBatcher<number>((items) => flushed.push(items));
    b.push(1);
    b.push(2);
    b.push(3);
    expect(flushed).toEqual([]);
    vi.advanceTimersByTime(16);
    expect(flushed).toEqual([[1, 2, 3]]);
    b.push(4);
    vi.advanceTimersByTime(16);
    expect(flushed).toEqual([[1, 2, 3], [4]]);
  });

  it('drops what is pending on cancel', () => {
    const flushed: number[][] = [];
    const b = createFrameBatcher<number>((items) => flushed.push(items));
    b.push(1);
    b.cancel();
    vi.advanceTimersByTime(100);
    expect(flushed).toEqual([]);
  });
});

describe('price store setTicks', () => {
  it('keeps the newest tick per feed in one update', () => {
    const seen: number[] = [];
    const unsubscribe = usePriceStore.subscribe(() => seen.push(1));
    usePriceStore.getState().setTicks([
      { feed: 'SOL', price: 1n, publishTime: 10 },
      { feed: 'BTC', price: 2n, publishTime: 10 },
      { feed: 'SOL', price: 3n, publishTime: 12 },
      { feed: 'SOL', price: 4n, publishTime: 11 },
    ]);
    unsubscribe();
    expect(seen).toHaveLength(1);
    expect(usePriceStore.getState().ticks.SOL?.price).toBe(3n);
    expect(usePriceStore.getState().ticks.BTC?.price).toBe(2n);
  });
});
