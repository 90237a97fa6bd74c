'use client';
/**
 * Interval switch and the deferred chart: lightweight-charts (next/dynamic, ssr: false) is fetched only once the
 * chart's box is visible and the page has settled, or at the first interaction (use-visible-idle.ts), so it stays
 * out of first load; until then (and while it loads) a skeleton fills the same fixed-size box, so nothing shifts. The live price is read by `LiveChart` alone: a tick
 * re-renders the chart's props, not the interval tabs around it.
 */
import dynamic from 'next/dynamic';
import { useMemo, useRef, useState } from 'react';
import { Skeleton, Tabs } from '@/components/ui';
import type { Candle, CandleInterval } from '@/lib/client/types';
import { useAccount } from '@/lib/hooks/use-account';
import { useCandles } from '@/lib/hooks/use-candles';
import { usePrice } from '@/lib/hooks/use-prices';
import type { MarketId } from '@/lib/math/ids';
import { chartLines, type ChartLine } from './chart-lines';
import { useVisibleIdle } from './use-visible-idle';

const PriceChart = dynamic(() => import('./PriceChart'), { ssr: false, loading: () => <Skeleton className="h-full w-full" /> });

/** The chart with the market's live tick: the only part of the panel a price tick re-renders. */
function LiveChart({ market, interval, candles, lines }: { market: MarketId; interval: CandleInterval; candles: readonly Candle[] | undefined; lines: readonly ChartLine[] }) {
  const live = usePrice(market);
  return <PriceChart market={market} interval={interval} candles={candles} tickPrice={live?.price} tickTime={live?.publishTime} lines={lines} />;
}

const INTERVALS: CandleInterval[] = ['1m', '5m', '15m', '1h', '4h', '1d'];

export function ChartPanel({ market }: { market: MarketId }) {
  const [interval, setChartInterval] = useState<CandleInterval>('15m');
  const { data: candles } = useCandles({ market, interval, limit: 300 });
  const account = useAccount().data;
  const box = useRef<HTMLDivElement>(null);
  const ready = useVisibleIdle(box);
  const lines = useMemo(() => chartLines({ market, positions: account?.positions ?? [], orders: account?.orders ?? [] }), [market, account]);
  return (
    <section aria-label={`${market} chart`} className="flex h-full min-h-0 flex-col">
      <div className="flex items-center gap-2 border-b border-line px-2 py-1">
        <Tabs<CandleInterval>
          label="Candle interval"
          variant="underline"
          value={interval}
          onChange={setChartInterval}
          className="border-b-0"
          items={INTERVALS.map((i) => ({ value: i, label: i }))}
        />
      </div>
      <div ref={box} className="min-h-0 flex-1">
        {ready ? (
          <LiveChart market={market} interval={interval} candles={candles} lines={lines} />
        ) : (
          <div className="relative h-full w-full" data-testid="chart-loading">
            <Skeleton className="h-full w-full" />
            <span className="absolute inset-0 flex items-center justify-center text-xs text-ink-faint">Loading chart…</span>
          </div>
        )}
      </div>
    </section>
  );
}
