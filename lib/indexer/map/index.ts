/**
 * The program's events → history rows. Every event kind but PricesUpdated (no owner: not history) gives one row;
 * an event whose market or custody is not this deployment's gives none. A row's identity is (signature, index of
 * the event among the program's events in that transaction), so mapping the same transaction twice gives the
 * same keys.
 */
import type { Address } from '@solana/kit';
import { decodeEventLogs, type ProgramEvent } from '@/lib/chain/events';
import type { HistoryRow, IndexedTransaction, RowFields } from '../types';
import type { MapContext } from './context';
import { closedRow, collateralRow, openedRow, tpSlRow } from './position';
import { cancelledRow, placedRow } from './order';
import { liquidityRow, swapRow } from './pool';

export type { MapContext } from './context';

export function eventRow(e: ProgramEvent, ctx: MapContext): RowFields | undefined {
  switch (e.kind) {
    case 'positionOpened':
      return openedRow(e, ctx);
    case 'positionClosed':
      return closedRow(e, ctx);
    case 'collateralChanged':
      return collateralRow(e, ctx);
    case 'tpSlSet':
      return tpSlRow(e, ctx);
    case 'orderPlaced':
      return placedRow(e, ctx);
    case 'orderCancelled':
      return cancelledRow(e, ctx);
    case 'liquidityAdded':
    case 'liquidityRemoved':
      return liquidityRow(e, ctx);
    case 'swapped':
      return swapRow(e, ctx);
    case 'pricesUpdated':
      return undefined;
  }
}

export interface DecodedTransaction {
  tx: IndexedTransaction;
  events: ProgramEvent[];
}

/** The program's events of each transaction (none for a failed one: its logs describe nothing that happened). */
export function decodeTransactions(txs: readonly IndexedTransaction[], programId: Address): DecodedTransaction[] {
  return txs.map((tx) => ({ tx, events: tx.failed ? [] : decodeEventLogs(tx.logs, programId) }));
}

/** The rows of decoded transactions, in chain order. */
export function transactionRows(decoded: readonly DecodedTransaction[], ctx: MapContext): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const { tx, events } of decoded) {
    events.forEach((event, eventIndex) => {
      const fields = eventRow(event, ctx);
      if (fields) rows.push({ ...fields, signature: tx.signature, slot: tx.slot, eventIndex, at: tx.blockTime });
    });
  }
  return rows;
}
