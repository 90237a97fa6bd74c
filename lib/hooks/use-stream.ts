'use client';
/**
 * The app's one `EventSource` on `GET /api/stream`: `price` events go into the price store, one update per
 * animation frame (lib/state/frame-batcher.ts); `pool`, `position` and `order` events invalidate the React Query
 * keys they change. Mounted once by `<StreamConnector/>` in app/providers.tsx; EventSource reconnects by itself.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { StreamEvents } from '@/lib/client/wire';
import { queryKeys } from '@/lib/hooks/query-keys';
import { isFeedId } from '@/lib/math/ids';
import type { PriceTick } from '@/lib/client/types';
import { createFrameBatcher } from '@/lib/state/frame-batcher';
import { usePriceStore } from '@/lib/state/prices';

const INTEGER = /^\d{1,78}$/;

function parse<K extends keyof StreamEvents>(e: MessageEvent): StreamEvents[K] | undefined {
  try {
    return JSON.parse(String(e.data)) as StreamEvents[K];
  } catch {
    return undefined;
  }
}

export function useStream(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/stream');
    const { setTicks, setLive } = usePriceStore.getState();
    const prices = createFrameBatcher<PriceTick>(setTicks);
    const ownerChanged = (owner: string) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.account(owner) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.history(owner) });
    };
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.addEventListener('price', (e) => {
      const d = parse<'price'>(e);
      if (d && isFeedId(d.feed) && INTEGER.test(d.price)) prices.push({ feed: d.feed, price: BigInt(d.price), publishTime: d.publishTime });
    });
    source.addEventListener('pool', () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.pools });
      void queryClient.invalidateQueries({ queryKey: queryKeys.markets });
    });
    source.addEventListener('position', (e) => {
      const d = parse<'position'>(e);
      if (d) ownerChanged(d.owner);
      void queryClient.invalidateQueries({ queryKey: queryKeys.markets });
    });
    source.addEventListener('order', (e) => {
      const d = parse<'order'>(e);
      if (d) ownerChanged(d.owner);
    });
    return () => {
      prices.cancel();
      source.close();
      setLive(false);
    };
  }, [queryClient]);
}
