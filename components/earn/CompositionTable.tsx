import type { Pool } from '@/lib/client/types';
import { custodyOwnedUsd } from '@/lib/earn/pool-stats';
import { formatAprFromHourly, formatBps, formatRateHourly, formatTokenAmount, formatUsd } from '@/lib/format';
import { RatioBandBar } from '@/components/earn/RatioBandBar';

const COLUMNS = 'md:grid-cols-[3.5rem_minmax(10rem,1.6fr)_minmax(0,1.2fr)_minmax(0,0.9fr)_minmax(0,0.8fr)_minmax(0,1fr)_minmax(0,1fr)]';
const HEADERS = ['Custody', 'Share vs target (band)', 'Owned', 'Locked', 'Utilization', 'Borrow rate', 'Add / remove fee'];

/** A labelled cell: the label shows on phones (cards) and is read by screen readers on desktop (table row). */
function Cell({ label, children, className = '', labelClassName = 'md:sr-only' }: { label: string; children: React.ReactNode; className?: string; labelClassName?: string }) {
  return (
    <div className={`min-w-0 ${className}`}>
      <span className={`block text-xs text-ink-muted ${labelClassName}`}>{label}</span>
      <span className="block text-sm [overflow-wrap:anywhere] md:text-xs lg:text-sm">{children}</span>
    </div>
  );
}

function OwnedValue({ usd }: { usd: bigint | undefined }) {
  return usd === undefined ? null : <span className="block text-xs text-ink-muted">{formatUsd(usd, { compact: true })}</span>;
}

/**
 * Each custody's share of the pool against its target and [min, max] band, what it owns and has locked for
 * traders, its utilization and hourly borrow rate (with APR), and the add / remove liquidity fees. One DOM for both
 * layouts: a table-like grid on desktop, a card per custody on phones.
 */
export function CompositionTable({ pool }: { pool: Pool }) {
  return (
    <div data-testid={`composition-${pool.id}`}>
      <div aria-hidden="true" className={`hidden gap-3 border-b border-line px-3 pb-2 text-xs text-ink-muted md:grid ${COLUMNS}`}>
        {HEADERS.map((h) => (
          <span key={h}>{h}</span>
        ))}
      </div>
      <ul className="divide-y divide-line" aria-label={`${pool.id} custodies`}>
        {pool.custodies.map((c) => (
          <li key={c.token} className={`grid grid-cols-2 gap-3 px-3 py-3 md:items-center ${COLUMNS}`} data-testid={`custody-${pool.id}-${c.token}`}>
            <Cell label="Custody" className="col-span-2 md:col-span-1" labelClassName="sr-only">
              <span className="font-semibold">{c.token}</span>
            </Cell>
            <div className="col-span-2 min-w-0 md:col-span-1">
              <div className="flex items-baseline justify-between gap-2 text-sm">
                <span>
                  <span className="sr-only">Share </span>
                  {formatBps(c.ratioBps)}
                </span>
                <span className="text-xs text-ink-muted">
                  <span className="whitespace-nowrap">target {formatBps(c.targetBps, { digits: 0 })}</span> ·{' '}
                  <span className="whitespace-nowrap">
                    {formatBps(c.minBps, { digits: 0 })}–{formatBps(c.maxBps, { digits: 0 })}
                  </span>
                </span>
              </div>
              <div className="mt-1.5">
                <RatioBandBar token={c.token} ratioBps={c.ratioBps} targetBps={c.targetBps} minBps={c.minBps} maxBps={c.maxBps} />
              </div>
            </div>
            <Cell label="Owned">
              {formatTokenAmount(c.owned, c.decimals, { maxDigits: 2 })}
              <OwnedValue usd={custodyOwnedUsd(c)} />
            </Cell>
            <Cell label="Locked">{formatTokenAmount(c.locked, c.decimals, { maxDigits: 2 })}</Cell>
            <Cell label="Utilization">{formatBps(c.utilizationBps)}</Cell>
            <Cell label="Borrow rate">
              {formatRateHourly(c.borrowRateHourly)}
              <span className="block text-xs text-ink-muted">{formatAprFromHourly(c.borrowRateHourly)} APR</span>
            </Cell>
            <Cell label="Add / remove fee">
              {formatBps(c.addFeeBps)} / {formatBps(c.removeFeeBps)}
            </Cell>
          </li>
        ))}
      </ul>
    </div>
  );
}
