'use client';
import { cn } from '@/components/ui/cn';
import { useHealth } from '@/lib/hooks/use-health';
import { usePriceStore } from '@/lib/state/prices';

const MODE: Record<string, string> = { simulated: 'Simulated oracle', manual: 'Manual prices', pyth: 'Pyth oracle' };

/** Oracle status at the end of the ticker: live stream, stale oracle, or offline. Desktop only. */
export function FeedStatus() {
  const live = usePriceStore((s) => s.live);
  const { data: health, isError } = useHealth();
  const stale = health?.oracle.stale === true;
  const label = isError ? 'Offline' : stale ? 'Oracle stale' : live ? 'Live' : 'Connecting';
  const dot = isError || stale ? 'bg-short' : live ? 'bg-long' : 'bg-warn';
  return (
    <div className="hidden shrink-0 items-center gap-2 border-l border-line px-4 text-xs text-ink-muted lg:flex" role="status" aria-live="polite">
      <span aria-hidden className={cn('h-1.5 w-1.5 rounded-full', dot, live && !stale && 'shadow-[0_0_6px_currentColor] text-long')} />
      <span className="font-medium text-ink">{label}</span>
      {health && <span className="text-ink-faint">· {MODE[health.oracle.mode] ?? health.oracle.mode}</span>}
    </div>
  );
}
