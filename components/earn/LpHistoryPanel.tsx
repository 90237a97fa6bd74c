'use client';
import dynamic from 'next/dynamic';
import { useEffect, useMemo, useRef, useState } from 'react';
import { lpPriceSeries } from '@/lib/earn/chart-points';
import { useLpHistory } from '@/lib/hooks/earn/use-lp-history';
import type { PoolId } from '@/lib/math/ids';

const LpPriceChart = dynamic(() => import('@/components/earn/LpPriceChart'), {
  ssr: false,
  loading: () => <div className="h-48 w-full animate-pulse rounded-lg bg-bg-input md:h-56" />,
});

/** True once the element has come near the viewport (then stays true). */
function useSeen<T extends Element>() {
  const ref = useRef<T>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || seen) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    }, { rootMargin: '200px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, [seen]);
  return { ref, seen };
}

/**
 * LP price history from stored snapshots, fetched and drawn only once the panel nears the viewport (the chart
 * library is a lazy chunk); says so plainly when the server has none (no route yet, or too few snapshots).
 */
export function LpHistoryPanel({ pool }: { pool: PoolId }) {
  const { ref, seen } = useSeen<HTMLDivElement>();
  const history = useLpHistory(pool, { enabled: seen });
  const points = useMemo(() => (history.data ? lpPriceSeries(history.data) : []), [history.data]);
  return (
    <div ref={ref} data-testid={`lp-history-${pool}`}>
      {!seen || history.isPending ? (
        <div className="h-48 w-full animate-pulse rounded-lg bg-bg-input md:h-56" />
      ) : history.isError ? (
        <p className="text-sm text-ink-muted">Could not load the {pool} price history.</p>
      ) : history.data === null ? (
        <p className="text-sm text-ink-muted">Price history is not available from this server yet.</p>
      ) : points.length < 2 ? (
        <p className="text-sm text-ink-muted">Not enough snapshots yet to draw the {pool} price.</p>
      ) : (
        <LpPriceChart points={points} label={`${pool} price history, ${points.length} snapshots`} />
      )}
    </div>
  );
}
