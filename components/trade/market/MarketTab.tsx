'use client';
/**
 * One market in the selector: name, live price and 24h change; a link to `?market=`, prefetched on intent (NavLink)
 * rather than on first paint (six prefetches of /trade during its own first load).
 */
import { NavLink } from '@/components/shell/nav-link';
import { cn } from '@/components/ui';
import { changeBps, formatBps, formatPrice } from '@/lib/format';
import { useMarket } from '@/lib/hooks/use-markets';
import { usePrice } from '@/lib/hooks/use-prices';
import type { MarketId } from '@/lib/math/ids';
import { MARKET_LABELS } from './market-labels';

const changeTone = (change: bigint | undefined) => (change === undefined ? 'text-ink-faint' : change >= 0n ? 'text-long' : 'text-short');

/** The tab's live figures: the only part of the tab a tick or a markets answer re-renders (not its Link). */
function TabQuote({ market }: { market: MarketId }) {
  const live = usePrice(market);
  const base = useMarket(market)?.price24hAgo;
  // Against /api/markets' `price24hAgo`, as the ticker: no candles fetched per tab.
  const change = base === undefined || !live ? undefined : changeBps({ from: base, to: live.price });
  const changeText = change === undefined ? '' : formatBps(change, { sign: true });
  return (
    <>
      <span className="flex items-baseline gap-1.5 text-sm font-semibold">
        {market}
        <span className="hidden text-[11px] font-normal text-ink-faint xl:inline">{MARKET_LABELS[market]}</span>
        <span className={cn('num text-[11px] font-medium md:order-last md:hidden', changeTone(change))}>{changeText}</span>
      </span>
      <span className="num flex items-baseline gap-1.5 text-xs">
        <span className="truncate text-ink">{live ? formatPrice(live.price, { market }) : '–'}</span>
        <span className={cn('hidden md:inline', changeTone(change))}>{changeText}</span>
      </span>
    </>
  );
}

export function MarketTab({ market, selected }: { market: MarketId; selected: boolean }) {
  return (
    <NavLink
      href={`/trade?market=${market}`}
      scroll={false}
      replace
      aria-current={selected ? 'page' : undefined}
      data-testid={`market-tab-${market}`}
      className={cn(
        'flex min-h-11 min-w-0 flex-col justify-center rounded-lg px-2 py-1.5 text-left transition-colors md:shrink-0 md:px-3',
        selected ? 'bg-bg-hover ring-1 ring-line-strong' : 'hover:bg-bg-hover',
      )}
    >
      <TabQuote market={market} />
    </NavLink>
  );
}
