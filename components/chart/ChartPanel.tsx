'use client';
/**
 * Interval switch and the deferred chart: lightweight-charts (next/dynamic, ssr: false) is fetched only once the
 * chart's box is visible and the page has settled, or at the first interaction (use-visible-idle.ts), so it stays
 * out of first load; until then (and while it and the first candles load) a skeleton fills the same fixed-size box,
 * so nothing shifts. The candles, the lines and the live price are read by `LiveChart` alone.
 */
import dynamic from 'next/dynamic';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Skeleton, Tabs } from '@/components/ui';
import type { CandleInterval } from '@/lib/client/types';
import { useAccount } from '@/lib/hooks/use-account';
import { useCandles } from '@/lib/hooks/use-candles';
import { usePrice } from '@/lib/hooks/use-prices';
import type { MarketId } from '@/lib/math/ids';
import { chartLines } from './chart-lines';
import { useVisibleIdle } from './use-visible-idle';

const loadPriceChart = () => import('./PriceChart');
const PriceChart = dynamic(loadPriceChart, { ssr: false, loading: () => <ChartSkeleton /> });

function ChartSkeleton() {
  return (
    <div className="relative h-full w-full" data-testid="chart-loading">
      <Skeleton className="h-full w-full" />
      <span className="absolute inset-0 flex items-center justify-center text-xs text-ink-faint">Loading chart…</span>
    </div>
  );
}

/**
 * The chart with its candles, the trader's lines and the market's live tick: mounted once the chart may load, so
 * the candles are fetched beside the chart's code (a phone does not fetch and re-render 300 candles during its first
 * load for a chart it draws seconds later), and a tick or an answer re-renders this, not the interval tabs.
 *
 * The chart itself is created once the first candles are here (or their request failed): created earlier it draws
 * an empty pane and axes, then everything again when they land, and a first draw is the chart's costliest task on
 * a phone (~80 ms of this machine's main thread, most of it canvas; issue 16). Its code is fetched meanwhile, beside
 * the candles. Later markets and intervals reuse the chart (their candles replace the bars when they arrive).
 */
function LiveChart({ market, interval }: { market: MarketId; interval: CandleInterval }) {
  const { data: candles, isError } = useCandles({ market, interval, limit: 300 });
  const account = useAccount().data;
  const lines = useMemo(() => chartLines({ market, positions: account?.positions ?? [], orders: account?.orders ?? [] }), [market, account]);
  const live = usePrice(market);
  const [created, setCreated] = useState(false);
  if (!created && (candles !== undefined || isError)) setCreated(true);
  useEffect(() => {
    void loadPriceChart();
  }, []);
  if (!created) return <ChartSkeleton />;
  return <PriceChart market={market} interval={interval} candles={candles} tickPrice={live?.price} tickTime={live?.publishTime} lines={lines} />;
}

const INTERVALS: CandleInterval[] = ['1m', '5m', '15m', '1h', '4h', '1d'];

export function ChartPanel({ market }: { market: MarketId }) {
  const [interval, setChartInterval] = useState<CandleInterval>('15m');
  const box = useRef<HTMLDivElement>(null);
  const ready = useVisibleIdle(box);
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
        {ready ? <LiveChart market={market} interval={interval} /> : <ChartSkeleton />}
      </div>
    </section>
  );
}
