'use client';
/**
 * The server's clock in the browser (market hours, countdowns): `/api/health`'s `nowS` run forward by the time
 * passed since it answered, so a machine with a wrong clock, or the dev clock moved by /api/dev/clock, still shows
 * what the server will do. Undefined until the first answer.
 */
import { useEffect, useState } from 'react';
import { useHealthData } from '@/lib/hooks/use-health';
import { serverNowS } from '@/lib/trade/market-hours-view';

export function useServerNowS({ everyMs = 1_000 }: { everyMs?: number } = {}): number | undefined {
  const health = useHealthData();
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNowMs(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  if (!health || health.serverNowS === undefined) return undefined;
  return serverNowS({ serverNowS: health.serverNowS, receivedAtMs: health.receivedAtMs, nowMs });
}
