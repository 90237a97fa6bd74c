'use client';
/**
 * The trade screen: market bar, chart, ticket (beside the chart from 1024 px, a bottom sheet below) and the
 * account panel. `?market=` selects the market.
 *
 * The market figures and the chart sit in their own `<Suspense>`: nothing suspends on the server, so the HTML is
 * complete at first paint, but React hydrates a server-rendered boundary later and in 5 ms slices (offscreen
 * priority) instead of in the page's one first hydration task, so a phone's main thread is blocked for less time
 * (issue 8, Lighthouse total blocking time). A tap on a section not yet hydrated hydrates it at once and is
 * replayed. Only where the box is fixed: once the first flush holds about 12.8 kB of HTML, React streams a
 * larger boundary after the shell and reveals it a frame later, which must neither shift the page nor hold its
 * largest text (tests/integration/trade-html.int.test.ts). The HTML holds the server's first answers (markets,
 * pools, the market's day candles: lib/server/first-answers.ts), so it paints prices, and hydrating it rewrites
 * nothing (issue 16).
 */
import dynamic from 'next/dynamic';
import { Suspense } from 'react';
import { ChartPanel } from '@/components/chart/ChartPanel';
import { DESKTOP_QUERY, useMediaQuery } from '@/lib/hooks/trade/use-media-query';
import { useSelectedMarket } from '@/lib/hooks/trade/use-selected-market';
import { AccountPanel } from './AccountPanel';
import { MarketSelector } from './market/MarketSelector';
import { MarketStaleBanner } from './market/MarketStaleBanner';
import { MarketStats } from './market/MarketStats';
import { Skeleton } from '@/components/ui';
import { PhoneTicketBar } from './PhoneTicketBar';

/** Desktop only (phones open it in a sheet): its code loads once the screen is known to be 1024 px or wider. */
const TradeTicket = dynamic(() => import('./TradeTicket').then((m) => m.TradeTicket), {
  loading: () => <Skeleton className="h-[520px] w-full" />,
});

export function TradeScreen() {
  const { market } = useSelectedMarket();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  return (
    <div className="flex min-w-0 flex-col">
      <MarketStaleBanner market={market} />
      <div className="flex min-w-0 flex-col gap-2 border-b border-line bg-bg-raised px-3 py-2">
        <MarketSelector selected={market} />
        {/* A fixed-height strip (one line, scrolling sideways below 1024 px), so the figures arriving never push the chart down. */}
        <div className="flex h-10 min-w-0 items-center max-lg:overflow-x-auto max-lg:overflow-y-hidden max-lg:[scrollbar-width:none] [&>div]:flex-nowrap [&>div]:shrink-0">
          <Suspense>
            <MarketStats market={market} />
          </Suspense>
        </div>
      </div>
      <div className="grid min-w-0 grid-cols-1 lg:grid-cols-[minmax(0,1fr)_360px]">
        <div className="flex min-w-0 flex-col">
          <div className="h-[340px] border-b border-line md:h-[440px]">
            <Suspense>
              <ChartPanel market={market} />
            </Suspense>
          </div>
          {!desktop && <PhoneTicketBar market={market} />}
          <AccountPanel market={market} />
        </div>
        {desktop && (
          <aside aria-label="Order ticket" className="border-l border-line bg-bg-raised p-4">
            <TradeTicket market={market} />
          </aside>
        )}
      </div>
    </div>
  );
}
