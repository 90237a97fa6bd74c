'use client';
/**
 * The candlestick chart (lightweight-charts 5): created once on a ref with `autoSize` (resizes with its
 * container), fed with `series.setData` for the candles and `series.update` for live ticks, price lines for the
 * trader's levels, and `chart.remove()` on unmount. Loaded with next/dynamic (ssr: false) by ChartPanel.
 */
import { CandlestickSeries, ColorType, CrosshairMode, LineStyle, createChart } from 'lightweight-charts';
import type { IChartApi, IPriceLine, ISeriesApi, TickMarkType, Time, UTCTimestamp } from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import type { Candle, CandleInterval } from '@/lib/client/types';
import { PRICE_DIGITS } from '@/lib/format';
import { chartCrosshairLabel, chartTickLabel, type ChartTickKind } from '@/lib/format/chart-time';
import type { MarketId } from '@/lib/math/ids';
import type { ChartLine } from './chart-lines';
import { INTERVAL_SECONDS, priceToChartNumber } from './chart-number';

export interface PriceChartProps {
  market: MarketId;
  interval: CandleInterval;
  candles: readonly Candle[] | undefined;
  /** Latest live mid price and its publish time (unix seconds). */
  tickPrice: bigint | undefined;
  tickTime: number | undefined;
  lines: readonly ChartLine[];
}

interface Bar {
  time: UTCTimestamp;
  open: number;
  high: number;
  low: number;
  close: number;
}

const toBar = (c: Candle): Bar => ({
  time: c.time as UTCTimestamp,
  open: priceToChartNumber(c.open),
  high: priceToChartNumber(c.high),
  low: priceToChartNumber(c.low),
  close: priceToChartNumber(c.close),
});

/** The last bar moved by a live tick at `tickTime` (same bucket: extended; later: a new bar), or null if older. */
function liveBar(last: Bar, tickPrice: bigint, tickTime: number, stepS: number): Bar | null {
  const bucket = (Math.floor(tickTime / stepS) * stepS) as UTCTimestamp;
  if (bucket < last.time) return null;
  const close = priceToChartNumber(tickPrice);
  return bucket === last.time
    ? { ...last, high: Math.max(last.high, close), low: Math.min(last.low, close), close }
    : { time: bucket, open: last.close, high: Math.max(last.close, close), low: Math.min(last.close, close), close };
}

export default function PriceChart({ market, interval, candles, tickPrice, tickTime, lines }: PriceChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<IChartApi | null>(null);
  const seriesRef = useRef<ISeriesApi<'Candlestick'> | null>(null);
  const lastBarRef = useRef<Bar | null>(null);
  const priceLinesRef = useRef<IPriceLine[]>([]);

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const chart = createChart(el, {
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: '#11151d' }, textColor: '#9aa4b2', fontSize: 11, attributionLogo: false },
      grid: { vertLines: { color: '#1b212c' }, horzLines: { color: '#1b212c' } },
      rightPriceScale: { borderColor: '#232a36' },
      timeScale: {
        borderColor: '#232a36',
        timeVisible: true,
        secondsVisible: false,
        tickMarkFormatter: (time: Time, kind: TickMarkType) => (typeof time === 'number' ? chartTickLabel(time, kind as number as ChartTickKind) : null),
      },
      localization: { timeFormatter: (time: Time) => (typeof time === 'number' ? chartCrosshairLabel(time) : String(time)) },
      crosshair: { mode: CrosshairMode.Normal },
    });
    const series = chart.addSeries(CandlestickSeries, {
      upColor: '#2ebd85',
      downColor: '#f6465d',
      borderVisible: false,
      wickUpColor: '#2ebd85',
      wickDownColor: '#f6465d',
    });
    chartRef.current = chart;
    seriesRef.current = series;
    return () => {
      chart.remove();
      chartRef.current = null;
      seriesRef.current = null;
      lastBarRef.current = null;
      priceLinesRef.current = [];
    };
  }, []);

  useEffect(() => {
    const digits = PRICE_DIGITS[market];
    seriesRef.current?.applyOptions({ priceFormat: { type: 'price', precision: digits, minMove: 1 / 10 ** digits } });
  }, [market]);

  // The latest live tick, so that it can be re-applied on top of freshly set candles (set before the timer below).
  const tickRef = useRef<{ price: bigint; time: number } | undefined>(undefined);
  useEffect(() => {
    tickRef.current = tickPrice === undefined || tickTime === undefined ? undefined : { price: tickPrice, time: tickTime };
  }, [tickPrice, tickTime]);

  useEffect(() => {
    const series = seriesRef.current;
    if (!series) return;
    // No live tick lands on the previous candles (another market or interval) while the new ones wait.
    lastBarRef.current = null;
    // A task after the chart's creation: on a phone, creating the chart and drawing the candles are then two
    // shorter tasks rather than one long one (issue 8, total blocking time).
    const timer = setTimeout(() => {
      const bars = (candles ?? []).map(toBar);
      series.setData(bars);
      const last = bars[bars.length - 1] ?? null;
      const tick = tickRef.current;
      const live = last && tick ? liveBar(last, tick.price, tick.time, INTERVAL_SECONDS[interval]) : null;
      if (live) series.update(live);
      lastBarRef.current = live ?? last;
    }, 0);
    return () => clearTimeout(timer);
  }, [candles, market, interval]);

  useEffect(() => {
    const series = seriesRef.current;
    const last = lastBarRef.current;
    if (!series || tickPrice === undefined || tickTime === undefined || !last) return;
    const bar = liveBar(last, tickPrice, tickTime, INTERVAL_SECONDS[interval]);
    if (!bar) return;
    series.update(bar);
    lastBarRef.current = bar;
  }, [tickPrice, tickTime, interval]);

  useEffect(() => {
    const series = seriesRef.current;
    if (!series) return;
    for (const l of priceLinesRef.current) series.removePriceLine(l);
    priceLinesRef.current = lines.map((l) =>
      series.createPriceLine({
        price: priceToChartNumber(l.price),
        color: l.color,
        lineWidth: 1,
        lineStyle: l.dashed ? LineStyle.Dashed : LineStyle.Solid,
        axisLabelVisible: true,
        title: l.title,
      }),
    );
  }, [lines]);

  return <div ref={containerRef} className="h-full w-full" data-testid="price-chart" />;
}
