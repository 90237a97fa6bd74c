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
import type { MarketId, Side } from '@/lib/math/ids';
import { MARKETS } from '@/lib/math/params';
import { freeLiquidityUsd } from '@/lib/trade/lock-custody';
import { MarketHours } from './MarketHours';
import { Stat } from './Stat';

export function MarketStats({ market }: { market: MarketId }) {
  const m = useMarket(market);
  const live = usePrice(market);
  const pool = usePool(MARKETS[market].pool);
  const stats = useDayStats(market);
  if (!m || !live) return <Skeleton className="h-8 w-full max-w-xl" />;
  const price = (v: bigint) => formatPrice(v, { market });
  // The ticker's and the tabs' reference (`price24hAgo`); the candles give the high and low.
  const change = m.price24hAgo === undefined ? undefined : changeBps({ from: m.price24hAgo, to: live.price });
  const liquidity = (side: Side) =>
    (side === 'long' ? m.availableLiquidityLongUsd : m.availableLiquidityShortUsd) ??
    (pool ? freeLiquidityUsd({ custodies: pool.custodies, market, side, price: live.price }) : undefined);
  // APR inline ("0.0000009%/h" is unreadable); the hourly rate on hover. The ticket shows it in $ per day for a size.
  const rate = (r: bigint) => (
    <Tooltip content={`${formatRateHourly(r)}, charged hourly on the position's size`} side="bottom">
      {formatAprFromHourly(r)}
    </Tooltip>
  );
  const longLiq = liquidity('long');
  const shortLiq = liquidity('short');
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-5 gap-y-2" data-testid="market-stats">
      <div className="flex items-baseline gap-2">
        <span className="num text-xl font-semibold" data-testid="mark-price">
          {price(live.price)}
        </span>
        {change !== undefined && (
          <span className={cn('num text-xs font-medium', change >= 0n ? 'text-long' : 'text-short')} data-testid="change-24h">
            {formatBps(change, { sign: true })}
          </span>
        )}
      </div>
      <MarketHours market={market} open={m.open} reopensAt={m.reopensAt} />
      <Stat label="24h high" testId="high-24h">{stats ? price(stats.highPrice) : '–'}</Stat>
      <Stat label="24h low" testId="low-24h">{stats ? price(stats.lowPrice) : '–'}</Stat>
      <Stat label="Open interest (L / S)" testId="open-interest">
        <span className="text-long">{formatUsd(m.openInterestLongUsd, { compact: true })}</span> /{' '}
        <span className="text-short">{formatUsd(m.openInterestShortUsd, { compact: true })}</span>
      </Stat>
      <Stat label="Available liquidity (L / S)" testId="available-liquidity">
        {longLiq === undefined ? '–' : formatUsd(longLiq, { compact: true })} / {shortLiq === undefined ? '–' : formatUsd(shortLiq, { compact: true })}
      </Stat>
      <Stat label="Borrow APR (L / S)" testId="borrow-rates">
        {rate(m.borrowRateLongHourly)} / {rate(m.borrowRateShortHourly)}
      </Stat>
    </div>
  );
}
