'use client';
/**
 * The trade screen: market bar, chart, ticket (beside the chart from 1024 px, a bottom sheet below) and the
 * account panel. `?market=` selects the market.
 */
import { ChartPanel } from '@/components/chart/ChartPanel';
import { DESKTOP_QUERY, useMediaQuery } from '@/lib/hooks/trade/use-media-query';
import { useSelectedMarket } from '@/lib/hooks/trade/use-selected-market';
import { AccountPanel } from './AccountPanel';
import { MarketSelector } from './market/MarketSelector';
import { MarketStaleBanner } from './market/MarketStaleBanner';
import { MarketStats } from './market/MarketStats';
import { PhoneTicketBar } from './PhoneTicketBar';
import { TradeTicket } from './TradeTicket';

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
          <MarketStats market={market} />
        </div>
      </div>
      <div className="grid min-w-0 grid-cols-1 lg:grid-cols-[minmax(0,1fr)_360px]">
        <div className="flex min-w-0 flex-col">
          <div className="h-[340px] border-b border-line md:h-[440px]">
            <ChartPanel market={market} />
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
