'use client';
/** RWALP markets trade Sunday 22:00 to Friday 21:00 UTC (protocol.md §3); while closed, say when they reopen. */
import { useEffect, useState } from 'react';
import { Badge } from '@/components/ui';
import { timeUntil } from '@/lib/format';
import type { MarketId } from '@/lib/math/ids';
import { nextOpenS } from '@/lib/math/market-hours';

export function MarketClosedBadge({ market, open, reopensAt }: { market: MarketId; open: boolean; reopensAt: number | undefined }) {
  const [nowS, setNowS] = useState(() => Math.floor(Date.now() / 1000));
  useEffect(() => {
    if (open) return;
    const id = setInterval(() => setNowS(Math.floor(Date.now() / 1000)), 30_000);
    return () => clearInterval(id);
  }, [open]);
  if (open) return null;
  const targetS = reopensAt ?? nextOpenS(market, nowS);
  return (
    <Badge tone="warn" className="whitespace-nowrap">
      <span data-testid="market-closed">Closed, reopens {timeUntil({ targetS, nowS })}</span>
    </Badge>
  );
}
