'use client';
import dynamic from 'next/dynamic';
import { useMemo } from 'react';
import { lpPriceSeries } from '@/lib/earn/chart-points';
import { useLpHistory } from '@/lib/hooks/earn/use-lp-history';
import type { PoolId } from '@/lib/math/ids';

const LpPriceChart = dynamic(() => import('@/components/earn/LpPriceChart'), {
  ssr: false,
  loading: () => <div className="h-48 w-full animate-pulse rounded-lg bg-bg-input md:h-56" />,
});

/** LP price history from stored snapshots; says so plainly when the server has none (no route yet, or empty). */
export function LpHistoryPanel({ pool }: { pool: PoolId }) {
  const history = useLpHistory(pool);
  const points = useMemo(() => (history.data ? lpPriceSeries(history.data) : []), [history.data]);
  if (history.isPending) return <div className="h-48 w-full animate-pulse rounded-lg bg-bg-input md:h-56" />;
  if (history.isError) return <p className="text-sm text-ink-muted">Could not load the {pool} price history.</p>;
  if (history.data === null) return <p className="text-sm text-ink-muted">Price history is not available from this server yet.</p>;
  if (points.length < 2) return <p className="text-sm text-ink-muted">Not enough snapshots yet to draw the {pool} price.</p>;
  return <LpPriceChart points={points} label={`${pool} price history, ${points.length} snapshots`} />;
}
