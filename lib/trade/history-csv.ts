/**
 * CSV export of the trade history (ANCHORS: users ask for it). Values are exact decimals of the fixed-point
 * integers (protocol.md §1), never floats; fields are quoted when they hold a comma, a quote or a newline.
 */
import { PRICE_DECIMALS, USD_DECIMALS } from '@/lib/math/scales';
import { amountToInputText } from './amount-fraction';

export interface HistoryRowLike {
  id: string;
  kind: string;
  market: string | undefined;
  side: string | undefined;
  /** Unix seconds. */
  at: number;
  sizeUsd: bigint | undefined;
  price: bigint | undefined;
  realizedPnlUsd: bigint | undefined;
  feesUsd: bigint | undefined;
  /** The transaction it landed in (the indexer's). */
  signature?: string;
}

export const HISTORY_CSV_HEADER = ['time_utc', 'event', 'market', 'side', 'size_usd', 'price', 'realized_pnl_usd', 'fees_usd', 'id', 'signature'] as const;

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const fixed = (value: bigint | undefined, decimals: number): string =>
  value === undefined ? '' : amountToInputText({ amount: value, decimals });

/** One CSV line per event (oldest first is up to the caller), with a header row, lines ending in CRLF (RFC 4180). */
export function historyToCsv(events: readonly HistoryRowLike[]): string {
  const lines = [HISTORY_CSV_HEADER.join(',')];
  for (const e of events) {
    lines.push(
      [
        new Date(e.at * 1000).toISOString(),
        e.kind,
        e.market ?? '',
        e.side ?? '',
        fixed(e.sizeUsd, USD_DECIMALS),
        fixed(e.price, PRICE_DECIMALS),
        fixed(e.realizedPnlUsd, USD_DECIMALS),
        fixed(e.feesUsd, USD_DECIMALS),
        e.id,
        e.signature ?? '',
      ]
        .map(csvField)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
