'use client';
/**
 * The selected market's figures: mark, 24h change / high / low, open interest per side, available liquidity per
 * side, borrow rate per hour per side (APR on hover), and the market-hours badge.
 */
import { Skeleton, Tooltip, cn } from '@/components/ui';
import { changeBps, formatAprFromHourly, formatBps, formatPrice, formatRateHourly, formatUsd } from '@/lib/format';
import { useDayStats } from '@/lib/hooks/trade/use-day-stats';
import { useMarket } from '@/lib/hooks/use-markets';
import { usePool } from '@/lib/hooks/use-pools';
import { usePrice } from '@/lib/hooks/use-prices';
import type { Market, Pool } from '@/lib/client/types';
import type { MarketId, Side } from '@/lib/math/ids';
import { MARKETS } from '@/lib/math/params';
import { freeLiquidityUsd } from '@/lib/trade/lock-custody';
import { MarketHours } from './MarketHours';
import { Stat } from './Stat';

/** The mark price and its 24h change: re-rendered by each tick of the market, as is `DayRange` (not the strip). */
function MarkPrice({ market, price24hAgo }: { market: MarketId; price24hAgo: bigint | undefined }) {
  const live = usePrice(market);
  if (!live) return null;
  // The ticker's and the tabs' reference (`price24hAgo`); the candles give the high and low.
  const change = price24hAgo === undefined ? undefined : changeBps({ from: price24hAgo, to: live.price });
  return (
    <div className="flex items-baseline gap-2">
      <span className="num text-xl font-semibold" data-testid="mark-price">
        {formatPrice(live.price, { market })}
      </span>
      {change !== undefined && (
        <span className={cn('num text-xs font-medium', change >= 0n ? 'text-long' : 'text-short')} data-testid="change-24h">
          {formatBps(change, { sign: true })}
        </span>
      )}
    </div>
  );
}

function DayRange({ market }: { market: MarketId }) {
  const stats = useDayStats(market);
  return (
    <>
      <Stat label="24h high" testId="high-24h">{stats ? formatPrice(stats.highPrice, { market }) : '–'}</Stat>
      <Stat label="24h low" testId="low-24h">{stats ? formatPrice(stats.lowPrice, { market }) : '–'}</Stat>
    </>
  );
}

/** Free liquidity per side: the API's figure, else from the pool at the live price (then it follows the ticks). */
function LiquidityStat({ m, pool }: { m: Market; pool: Pool | undefined }) {
  const live = usePrice(m.id);
  const liquidity = (side: Side) =>
    (side === 'long' ? m.availableLiquidityLongUsd : m.availableLiquidityShortUsd) ??
    (pool && live ? freeLiquidityUsd({ custodies: pool.custodies, market: m.id, side, price: live.price }) : undefined);
  const longLiq = liquidity('long');
  const shortLiq = liquidity('short');
  return (
    <Stat label="Available liquidity (L / S)" testId="available-liquidity">
      {longLiq === undefined ? '–' : formatUsd(longLiq, { compact: true })} / {shortLiq === undefined ? '–' : formatUsd(shortLiq, { compact: true })}
    </Stat>
  );
}

export function MarketStats({ market }: { market: MarketId }) {
  const m = useMarket(market);
  const pool = usePool(MARKETS[market].pool);
  // With the market known its price is too (usePrice falls back to the markets answer).
  if (!m) return <Skeleton className="h-8 w-full max-w-xl" />;
  // APR inline ("0.0000009%/h" is unreadable); the hourly rate on hover. The ticket shows it in $ per day for a size.
  const rate = (r: bigint) => (
    <Tooltip content={`${formatRateHourly(r)}, charged hourly on the position's size`} side="bottom">
      {formatAprFromHourly(r)}
    </Tooltip>
  );
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-5 gap-y-2" data-testid="market-stats">
      <MarkPrice market={market} price24hAgo={m.price24hAgo} />
      <MarketHours market={market} open={m.open} reopensAt={m.reopensAt} />
      <DayRange market={market} />
      <Stat label="Open interest (L / S)" testId="open-interest">
        <span className="text-long">{formatUsd(m.openInterestLongUsd, { compact: true })}</span> /{' '}
        <span className="text-short">{formatUsd(m.openInterestShortUsd, { compact: true })}</span>
      </Stat>
      <LiquidityStat m={m} pool={pool} />
      <Stat label="Borrow APR (L / S)" testId="borrow-rates">
        {rate(m.borrowRateLongHourly)} / {rate(m.borrowRateShortHourly)}
      </Stat>
    </div>
  );
}
