import { ProtocolError } from '@/lib/math/errors';
import { MARKETS } from '@/lib/math/params';
import type { TxContext } from '../tx-context';
import type { OrderRow, PositionRow } from '../store/rows';
import { selectOrders, selectPositions } from '../store/positions';

/** A row id as the API takes it: a decimal bigint. */
const ROW_ID = /^\d{1,18}$/;

function parseId(id: string, what: string): string {
  if (!ROW_ID.test(id)) throw new ProtocolError('NOT_FOUND', `No ${what} ${id}.`);
  return id;
}

/**
 * The rows with these ids (decimal strings), their pools locked first. A row read before its pool is locked is
 * stale on PostgreSQL (another instance may change it while we wait for the lock), so there the markets are read,
 * the pools locked, then the rows read. PGlite runs one transaction at a time (lib/db/pglite.ts: one connection
 * behind a mutex), so nothing can change them in between and one read is enough (issue 8: one round trip less per
 * close / collateral / TP-SL / cancel, and per keeper batch).
 */
async function lockedRows<R extends { market: string }>(
  ctx: TxContext,
  ids: readonly string[],
  select: (sql: TxContext['tx'], where: string, params: unknown[]) => Promise<R[]>,
  table: 'positions' | 'orders',
): Promise<R[]> {
  const idArray = `{${ids.join(',')}}`;
  const lockPoolsOf = async (markets: readonly string[]) => {
    for (const pool of new Set(markets.map((m) => MARKETS[m as keyof typeof MARKETS].pool))) await ctx.lockPool(pool);
  };
  if (ctx.dbKind === 'pglite') {
    const rows = await select(ctx.tx, 'id = ANY($1::bigint[])', [idArray]);
    await lockPoolsOf(rows.map((r) => r.market));
    return rows;
  }
  const { rows } = await ctx.tx.query<{ market: string }>(`SELECT DISTINCT market FROM ${table} WHERE id = ANY($1::bigint[])`, [idArray]);
  if (rows.length === 0) return [];
  await lockPoolsOf(rows.map((r) => r.market));
  return select(ctx.tx, 'id = ANY($1::bigint[])', [idArray]);
}

async function lockedRow<R extends { market: string }>(
  ctx: TxContext,
  id: string,
  select: (sql: TxContext['tx'], where: string, params: unknown[]) => Promise<R[]>,
  table: 'positions' | 'orders',
): Promise<R | undefined> {
  return (await lockedRows(ctx, [id], select, table))[0];
}

/** Keeper batches: the positions with these ids (valid ones only), by id, their pools locked (`lockedRows`). */
export async function loadPositionsLocked(ctx: TxContext, ids: readonly string[]): Promise<Map<string, PositionRow>> {
  const valid = ids.filter((id) => ROW_ID.test(id));
  const rows = valid.length > 0 ? await lockedRows(ctx, valid, selectPositions, 'positions') : [];
  return new Map(rows.map((p) => [p.id, p]));
}

/**
 * Loads a position for an action: locks its pool first (so the row cannot change under us), then re-reads it.
 * NOT_FOUND if it does not exist, NOT_OWNER if `owner` is given and differs.
 */
export async function loadPosition(ctx: TxContext, id: string, owner?: string): Promise<PositionRow> {
  parseId(id, 'position');
  const position = await lockedRow(ctx, id, selectPositions, 'positions');
  if (!position) throw new ProtocolError('NOT_FOUND', `Position ${id} does not exist (it may have been closed).`);
  if (owner !== undefined && position.owner !== owner) throw new ProtocolError('NOT_OWNER', `Position ${id} belongs to another wallet.`);
  return position;
}

export async function loadOrder(ctx: TxContext, id: string, owner?: string): Promise<OrderRow> {
  parseId(id, 'order');
  const order = await lockedRow(ctx, id, selectOrders, 'orders');
  if (!order) throw new ProtocolError('NOT_FOUND', `Order ${id} does not exist (it may have been filled or cancelled).`);
  if (owner !== undefined && order.owner !== owner) throw new ProtocolError('NOT_OWNER', `Order ${id} belongs to another wallet.`);
  return order;
}
