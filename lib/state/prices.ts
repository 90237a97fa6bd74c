'use client';
/** Live prices from `GET /api/stream` (`price` events), one entry per feed; written by `useStream`. */
import { create } from 'zustand';
import type { PriceTick } from '@/lib/client/types';
import type { FeedId } from '@/lib/math/ids';

export interface PriceStore {
  ticks: Partial<Record<FeedId, PriceTick>>;
  /** Whether the stream is connected right now. */
  live: boolean;
  setTick: (tick: PriceTick) => void;
  /** Several ticks in one update (one re-render); per feed the newest `publishTime` wins. */
  setTicks: (ticks: readonly PriceTick[]) => void;
  setLive: (live: boolean) => void;
}

export const usePriceStore = create<PriceStore>()((set) => ({
  ticks: {},
  live: false,
  setTick: (tick) =>
    set((s) => {
      const prev = s.ticks[tick.feed];
      if (prev && prev.publishTime > tick.publishTime) return s;
      return { ticks: { ...s.ticks, [tick.feed]: tick } };
    }),
  setTicks: (ticks) =>
    set((s) => {
      let next: PriceStore['ticks'] | undefined;
      for (const tick of ticks) {
        const prev = (next ?? s.ticks)[tick.feed];
        if (prev && prev.publishTime > tick.publishTime) continue;
        next = { ...(next ?? s.ticks), [tick.feed]: tick };
      }
      return next ? { ticks: next } : s;
    }),
  setLive: (live) => set({ live }),
}));
