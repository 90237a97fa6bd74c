'use client';
/** The market of the trade screen, from `?market=` (default SOL); changing it replaces the URL without a scroll. */
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';
import { isMarketId } from '@/lib/math/ids';
import type { MarketId } from '@/lib/math/ids';

export const DEFAULT_MARKET: MarketId = 'SOL';

export function useSelectedMarket(): { market: MarketId; setMarket: (id: MarketId) => void } {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const raw = params.get('market')?.toUpperCase();
  const market = isMarketId(raw) ? raw : DEFAULT_MARKET;
  const setMarket = useCallback(
    (id: MarketId) => {
      const next = new URLSearchParams(params.toString());
      next.set('market', id);
      router.replace(`${pathname}?${next.toString()}`, { scroll: false });
    },
    [params, router, pathname],
  );
  return { market, setMarket };
}
