'use client';
/** Trade history of the connected wallet: opened, increased, closed, liquidated, filled… with realised PnL and fees. */
import { Skeleton, cn } from '@/components/ui';
import { SideBadge } from '@/components/positions/SideBadge';
import { Cell, HeaderRow } from '@/components/positions/Cell';
import { formatDateTimeUtc, formatPrice, formatUsd } from '@/lib/format';
import { useHistory } from '@/lib/hooks/use-history';
import { useOwner } from '@/lib/hooks/use-owner';
import { ExportCsvButton } from './ExportCsvButton';
import { HISTORY_LABELS, TRADE_KINDS } from './history-labels';

const COLUMNS = 'md:grid-cols-[1.2fr_1fr_1fr_1fr_1fr_1fr_0.8fr]';
const HEADERS = ['Time (UTC)', 'Event', 'Market', 'Size', 'Price', 'Realised PnL', 'Fees'];

export function HistoryList({ all = false }: { all?: boolean }) {
  const owner = useOwner();
  const { data, isLoading } = useHistory();
  if (!owner) return <p className="px-3 py-6 text-center text-sm text-ink-faint">Connect a wallet to see your history.</p>;
  if (isLoading || !data) return <Skeleton className="m-3 h-10 w-[calc(100%-1.5rem)]" />;
  const events = [...data].filter((e) => all || TRADE_KINDS.has(e.kind)).sort((a, b) => b.at - a.at);
  return (
    <div data-testid="history-list">
      <div className="flex justify-end px-3 pt-2">
        <ExportCsvButton events={events} />
      </div>
      {events.length === 0 ? (
        <p className="px-3 py-6 text-center text-sm text-ink-faint">No history yet.</p>
      ) : (
        <div role="table" aria-label="History">
          <HeaderRow labels={HEADERS} className={COLUMNS} />
          <div role="rowgroup">
            {events.map((e) => (
              <div role="row" key={e.id} data-testid={`history-${e.kind}`} className={cn('grid grid-cols-2 gap-x-3 gap-y-2 border-b border-line px-3 py-3 sm:grid-cols-3 md:items-center md:gap-y-0 md:py-2', COLUMNS)}>
                <Cell label="Time (UTC)">{formatDateTimeUtc(e.at)}</Cell>
                <div role="cell" className="flex items-center gap-1.5">
                  <SideBadge tone={e.kind === 'liquidated' ? 'short' : e.kind === 'closed' || e.kind === 'filled' ? 'accent' : 'neutral'}>{HISTORY_LABELS[e.kind]}</SideBadge>
                </div>
                <Cell label="Market">
                  {e.market ?? '–'} {e.side ?? ''}
                </Cell>
                <Cell label="Size">{e.sizeUsd === undefined ? '–' : formatUsd(e.sizeUsd)}</Cell>
                <Cell label="Price">{e.price === undefined ? '–' : formatPrice(e.price, e.market ? { market: e.market } : {})}</Cell>
                <Cell label="Realised PnL" testId="history-pnl">
                  <span className={e.realizedPnlUsd === undefined ? '' : e.realizedPnlUsd >= 0n ? 'text-long' : 'text-short'}>
                    {e.realizedPnlUsd === undefined ? '–' : formatUsd(e.realizedPnlUsd, { sign: true })}
                  </span>
                </Cell>
                <Cell label="Fees">{e.feesUsd === undefined ? '–' : formatUsd(e.feesUsd)}</Cell>
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
