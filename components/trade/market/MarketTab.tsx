'use client';
/** One market in the selector: name, live price and 24h change; a link to `?market=`. */
import Link from 'next/link';
import { cn } from '@/components/ui';
import { changeBps, formatBps, formatPrice } from '@/lib/format';
import { useMarket } from '@/lib/hooks/use-markets';
import { usePrice } from '@/lib/hooks/use-prices';
import type { MarketId } from '@/lib/math/ids';
import { MARKET_LABELS } from './market-labels';

const changeTone = (change: bigint | undefined) => (change === undefined ? 'text-ink-faint' : change >= 0n ? 'text-long' : 'text-short');

export function MarketTab({ market, selected }: { market: MarketId; selected: boolean }) {
  const live = usePrice(market);
  const base = useMarket(market)?.price24hAgo;
  // Against /api/markets' `price24hAgo`, as the ticker: no candles fetched per tab.
  const change = base === undefined || !live ? undefined : changeBps({ from: base, to: live.price });
  return (
    <Link
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
      <span className="flex items-baseline gap-1.5 text-sm font-semibold">
        {market}
        <span className="hidden text-[11px] font-normal text-ink-faint xl:inline">{MARKET_LABELS[market]}</span>
        <span className={cn('num text-[11px] font-medium md:order-last md:hidden', changeTone(change))}>{change === undefined ? '' : formatBps(change, { sign: true })}</span>
      </span>
      <span className="num flex items-baseline gap-1.5 text-xs">
        <span className="truncate text-ink">{live ? formatPrice(live.price, { market }) : '–'}</span>
        <span className={cn('hidden md:inline', changeTone(change))}>{change === undefined ? '' : formatBps(change, { sign: true })}</span>
      </span>
    </Link>
  );
}
