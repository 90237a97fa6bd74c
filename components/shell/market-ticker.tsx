'use client';
import { useRef } from 'react';
import { NavLink } from '@/components/shell/nav-link';
import { AssetIcon } from '@/components/ui/asset-icon';
import { cn } from '@/components/ui/cn';
import { Skeleton } from '@/components/ui/skeleton';
import { TickerPrice } from '@/components/shell/ticker-price';
import { FeedStatus } from '@/components/shell/feed-status';
import { MARKET_LABELS } from '@/lib/format/markets';
import { changeBps, formatBps } from '@/lib/format/percent';
import { useMarkets } from '@/lib/hooks/use-markets';
import { useInView } from '@/lib/hooks/use-in-view';
import { usePrice } from '@/lib/hooks/use-prices';
import { MARKET_IDS } from '@/lib/math/ids';
import type { MarketId } from '@/lib/math/ids';
import type { Market } from '@/lib/client/types';

function Change({ bps }: { bps: bigint | undefined }) {
  if (bps === undefined) return <span className="text-ink-faint">–</span>;
  return <span className={cn('num', bps > 0n ? 'text-long' : bps < 0n ? 'text-short' : 'text-ink-muted')}>{formatBps(bps, { sign: true })}</span>;
}

/**
 * The entry's live price and change: the only part of the strip a price tick re-renders (not the link). Out of
 * sight (past a phone's edge: two of six entries show) it holds the markets answer and skips ticks (issue 16).
 */
function TickerQuote({ id, market, isError, inView }: { id: MarketId; market: Market | undefined; isError: boolean; inView: boolean }) {
  const price = usePrice(id, { live: inView })?.price;
  const base = market?.price24hAgo;
  return (
    <>
      {/* Fixed-width slots for the price and the change, so nothing in the strip moves when they arrive. */}
      <span className="inline-flex min-w-[4.75rem] shrink-0">
        {price === undefined ? (
          isError ? <span className="text-ink-faint">–</span> : <Skeleton className="h-3 w-14" />
        ) : (
          <TickerPrice market={id} price={price} className="font-medium" />
        )}
      </span>
      <span className="inline-flex min-w-12 shrink-0">{price !== undefined && <Change bps={base === undefined ? undefined : changeBps({ from: base, to: price })} />}</span>
    </>
  );
}

/** One market of the strip. */
function TickerEntry({ id, market, isError }: { id: MarketId; market: Market | undefined; isError: boolean }) {
  const ref = useRef<HTMLLIElement>(null);
  const inView = useInView(ref);
  return (
    <li ref={ref} className="shrink-0 border-r border-line/70 last:border-r-0">
      <NavLink
        href={`/trade?market=${id}`}
        data-testid={`ticker-${id}`}
        className="flex h-full items-center gap-2 px-3 text-xs hover:bg-bg-hover md:px-4"
        title={`${MARKET_LABELS[id].name}: open the ${id} market`}
      >
        <AssetIcon id={id} size={16} />
        <span className="font-semibold text-ink">{MARKET_LABELS[id].symbol}</span>
        <TickerQuote id={id} market={market} isError={isError} inView={inView} />
        {market && !market.open && <span className="rounded bg-bg-hover px-1 text-[10px] font-semibold text-ink-muted">Closed</span>}
      </NavLink>
    </li>
  );
}

/**
 * The six markets with live price and 24h change (from /api/markets and the stream). Scrolls sideways inside
 * itself on narrow screens; each entry opens the market on /trade.
 */
export function MarketTicker() {
  const { data: markets, isError } = useMarkets();
  const byId = new Map((markets ?? []).map((m) => [m.id, m]));

  return (
    <div className="flex h-10 items-stretch border-b border-line bg-bg-raised/60">
      <ul aria-label="Markets" className="flex min-w-0 flex-1 items-stretch overflow-x-auto [scrollbar-width:none] [mask-image:linear-gradient(to_right,black_85%,transparent)] lg:[mask-image:none]">
        {MARKET_IDS.map((id: MarketId) => (
          <TickerEntry key={id} id={id} market={byId.get(id)} isError={isError} />
        ))}
      </ul>
      <FeedStatus />
    </div>
  );
}
