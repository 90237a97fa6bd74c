import { ProtocolError } from '@/lib/math/errors';
import { MARKETS } from '@/lib/math/params';
import type { TxContext } from '../tx-context';
import type { OrderRow, PositionRow } from '../store/rows';
import { selectOrders, selectPositions } from '../store/positions';

function parseId(id: string, what: string): string {
  if (!/^\d{1,18}$/.test(id)) throw new ProtocolError('NOT_FOUND', `No ${what} ${id}.`);
  return id;
}

/**
 * A row read before its pool is locked is stale on PostgreSQL (another instance may change it while we wait for
 * the lock), so there it is read again after the lock. PGlite runs one transaction at a time (lib/db/pglite.ts:
 * one connection behind a mutex), so nothing can change the row in between and the first read is kept (issue 8:
 * one round trip less per close / collateral / TP-SL / cancel).
 */
async function lockedRow<R extends { market: string }>(
  ctx: TxContext,
  id: string,
  select: (sql: TxContext['tx'], where: string, params: unknown[]) => Promise<R[]>,
  table: 'positions' | 'orders',
): Promise<R | undefined> {
  if (ctx.dbKind === 'pglite') {
    const row = (await select(ctx.tx, 'id = $1', [id]))[0];
    if (row) await ctx.lockPool(MARKETS[row.market as keyof typeof MARKETS].pool);
    return row;
  }
  const { rows } = await ctx.tx.query<{ market: string }>(`SELECT market FROM ${table} WHERE id = $1`, [id]);
  const market = rows[0]?.market as keyof typeof MARKETS | undefined;
  if (!market) return undefined;
  await ctx.lockPool(MARKETS[market].pool);
  return (await select(ctx.tx, 'id = $1', [id]))[0];
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
