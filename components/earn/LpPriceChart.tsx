'use client';
import { useEffect, useRef } from 'react';
import type { UTCTimestamp } from 'lightweight-charts';
import type { ChartPoint } from '@/lib/earn/chart-points';

/**
 * LP price line chart. lightweight-charts is imported inside the effect, so it is a separate chunk fetched only when
 * this chart mounts (the page's first load does not carry it). Created once per mount, fed with `setData`, sized by
 * the library's `autoSize`, removed on unmount (STYLE.md: lightweight-charts guides).
 */
export default function LpPriceChart({ points, label }: { points: readonly ChartPoint[]; label: string }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const setDataRef = useRef<((points: readonly ChartPoint[]) => void) | null>(null);
  const latestRef = useRef(points);

  useEffect(() => {
    latestRef.current = points;
    setDataRef.current?.(points);
  }, [points]);

  useEffect(() => {
    let disposed = false;
    let remove: (() => void) | undefined;
    void import('lightweight-charts').then(({ createChart, AreaSeries, ColorType }) => {
      const container = containerRef.current;
      if (disposed || !container) return;
      const chart = createChart(container, {
        autoSize: true,
        layout: { background: { type: ColorType.Solid, color: 'transparent' }, textColor: '#9aa4b2', attributionLogo: false },
        grid: { vertLines: { color: '#1b212c' }, horzLines: { color: '#1b212c' } },
        rightPriceScale: { borderColor: '#232a36' },
        timeScale: { borderColor: '#232a36', timeVisible: true },
        handleScroll: false,
        handleScale: false,
      });
      const series = chart.addSeries(AreaSeries, {
        lineColor: '#7c8cff',
        topColor: 'rgba(124,140,255,0.28)',
        bottomColor: 'rgba(124,140,255,0.02)',
        lineWidth: 2,
        priceFormat: { type: 'price', precision: 4, minMove: 0.0001 },
      });
      const setData = (data: readonly ChartPoint[]) => {
        series.setData(data.map((p) => ({ time: p.time as UTCTimestamp, value: p.value })));
        chart.timeScale().fitContent();
      };
      setData(latestRef.current);
      setDataRef.current = setData;
      remove = () => chart.remove();
    });
    return () => {
      disposed = true;
      setDataRef.current = null;
      remove?.();
    };
  }, []);

  return <div ref={containerRef} role="img" aria-label={label} className="h-48 w-full md:h-56" />;
}
