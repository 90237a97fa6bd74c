'use client';
import { useHealthData } from '@/lib/hooks/use-health';

/**
 * Shown while the oracle is stale (api.md: actions answer 503 ORACLE_STALE). Says what is paused and why, so a
 * refused order is not a surprise.
 */
export function StaleBanner() {
  const data = useHealthData();
  if (!data?.oracle.stale) return null;
  return (
    <div role="status" className="border-b border-warn/40 bg-warn-soft px-4 py-2 text-center text-sm text-warn">
      Prices are stale: the oracle has not updated for a while. Opening, closing and liquidity actions are paused until it does.
    </div>
  );
}
