'use client';
/**
 * RWALP markets trade Sunday 22:00 to Friday 21:00 UTC (protocol.md §3). On the server's clock (the dev clock
 * included), not the browser's: while open, the next close; while closed, the reopening as a clock time with a
 * countdown, and that prices are indicative meanwhile. Crypto markets show nothing.
 */
import { Badge } from '@/components/ui';
import { formatCountdown, formatWeekdayTimeUtc } from '@/lib/format';
import { useServerNowS } from '@/lib/hooks/use-server-clock';
import type { MarketId } from '@/lib/math/ids';
import { marketHoursView } from '@/lib/trade/market-hours-view';

export function MarketHours({ market, open, reopensAt }: { market: MarketId; open: boolean; reopensAt: number | undefined }) {
  const nowS = useServerNowS();
  if (nowS === undefined) return null;
  const view = marketHoursView({ market, open, reopensAt, nowS });
  if (view.state === 'always') return null;
  if (view.state === 'open')
    return (
      <Badge tone="neutral" className="whitespace-nowrap">
        <span data-testid="market-hours" data-state="open">
          Open · closes {formatWeekdayTimeUtc(view.closesAtS)} (in {formatCountdown(view.secondsLeft)})
        </span>
      </Badge>
    );
  return (
    <Badge tone="warn" className="whitespace-nowrap">
      <span data-testid="market-closed" data-state="closed">
        Closed · reopens {formatWeekdayTimeUtc(view.reopensAtS)} (in {formatCountdown(view.secondsLeft)}) · prices indicative
      </span>
    </Badge>
  );
}
