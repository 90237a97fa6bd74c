'use client';
/** The market of the trade screen, from `?market=` (default SOL); changing it replaces the URL without a scroll. */
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';
import type { MarketId } from '@/lib/math/ids';
import { marketFromParam } from '@/lib/trade/market-param';

export function useSelectedMarket(): { market: MarketId; setMarket: (id: MarketId) => void } {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const market = marketFromParam(params.get('market'));
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
