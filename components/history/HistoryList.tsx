'use client';
/**
 * History of the connected wallet: each event in words (lib/trade describeHistoryRow: a partial close apart from a
 * full one, collateral amounts, TP/SL prices, the pool of liquidity rows, what test funds brought), with size,
 * price, realised PnL, fees and the transaction's signature (copied on press). A table on desktop; on phones a card that shows only the figures it has.
 */
import { Skeleton, cn } from '@/components/ui';
import { SideBadge } from '@/components/positions/SideBadge';
import { Cell, HeaderRow } from '@/components/positions/Cell';
import type { HistoryEvent } from '@/lib/client/types';
import { formatDateTimeUtc, formatPrice, formatUsd } from '@/lib/format';
import { useHistory } from '@/lib/hooks/use-history';
import { useOwner } from '@/lib/hooks/use-owner';
import { usePools } from '@/lib/hooks/use-pools';
import type { PoolId } from '@/lib/math/ids';
import { describeHistoryRow } from '@/lib/trade/history-row';
import { ExportCsvButton } from './ExportCsvButton';
import { SignatureCell } from './SignatureCell';
import { TRADE_KINDS } from './history-labels';

const COLUMNS = 'md:grid-cols-[1.1fr_1.3fr_0.8fr_0.9fr_0.9fr_0.9fr_0.7fr_2fr_0.8fr]';
const HEADERS = ['Time (UTC)', 'Event', 'Market', 'Size', 'Price', 'Realised PnL', 'Fees', 'Details', 'Transaction'];

/** A figure cell that a phone card leaves out when the event has no such figure. */
function Figure({ label, value, testId, className }: { label: string; value: string | undefined; testId?: string; className?: string }) {
  return (
    <Cell label={label} testId={testId} className={cn(value === undefined && 'max-md:hidden', className)}>
      {value ?? '–'}
    </Cell>
  );
}

function HistoryRow({ e, aumNowUsd }: { e: HistoryEvent; aumNowUsd: Partial<Record<PoolId, bigint>> }) {
  const text = describeHistoryRow(e, { aumNowUsd });
  const pnlTone = e.realizedPnlUsd === undefined ? '' : e.realizedPnlUsd >= 0n ? 'text-long' : 'text-short';
  return (
    <div role="row" data-testid={`history-${e.kind}`} className={cn('grid grid-cols-2 gap-x-3 gap-y-2 border-b border-line px-3 py-3 sm:grid-cols-3 md:items-center md:gap-y-0 md:py-2', COLUMNS)}>
      <Cell label="Time (UTC)">{formatDateTimeUtc(e.at)}</Cell>
      <div role="cell" className="flex items-center gap-1.5">
        <SideBadge tone={text.tone}>
          <span data-testid="history-label">{text.label}</span>
        </SideBadge>
      </div>
      <Figure label="Market" value={e.market ? `${e.market} ${e.side ?? ''}`.trim() : undefined} />
      <Figure label="Size" value={e.sizeUsd === undefined ? undefined : formatUsd(e.sizeUsd)} />
      <Figure label="Price" value={e.price === undefined ? undefined : formatPrice(e.price, e.market ? { market: e.market } : {})} />
      <Cell label="Realised PnL" testId="history-pnl" className={cn(e.realizedPnlUsd === undefined && 'max-md:hidden')}>
        <span className={pnlTone}>{e.realizedPnlUsd === undefined ? '–' : formatUsd(e.realizedPnlUsd, { sign: true })}</span>
      </Cell>
      <Figure label="Fees" value={e.feesUsd === undefined ? undefined : formatUsd(e.feesUsd)} />
      <Figure label="Details" value={text.detail} testId="history-detail" className="col-span-2 sm:col-span-3 md:col-span-1" />
      <SignatureCell signature={e.signature} />
    </div>
  );
}

export function HistoryList({ all = false }: { all?: boolean }) {
  const owner = useOwner();
  const { data, isLoading } = useHistory();
  const pools = usePools().data;
  if (!owner) return <p className="px-3 py-6 text-center text-sm text-ink-faint">Connect a wallet to see your history.</p>;
  if (isLoading || !data) return <Skeleton className="m-3 h-10 w-[calc(100%-1.5rem)]" />;
  const events = [...data].filter((e) => all || TRADE_KINDS.has(e.kind)).sort((a, b) => b.at - a.at);
  const aumNowUsd: Partial<Record<PoolId, bigint>> = {};
  for (const p of pools ?? []) aumNowUsd[p.id] = p.aumUsd;
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
              <HistoryRow key={e.id} e={e} aumNowUsd={aumNowUsd} />
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
