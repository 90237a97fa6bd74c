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
 * Loads a position for an action: locks its pool first (so the row cannot change under us), then re-reads it.
 * NOT_FOUND if it does not exist, NOT_OWNER if `owner` is given and differs.
 */
export async function loadPosition(ctx: TxContext, id: string, owner?: string): Promise<PositionRow> {
  parseId(id, 'position');
  const { rows } = await ctx.tx.query<{ market: string }>('SELECT market FROM positions WHERE id = $1', [id]);
  const market = rows[0]?.market as keyof typeof MARKETS | undefined;
  if (!market) throw new ProtocolError('NOT_FOUND', `Position ${id} does not exist (it may have been closed).`);
  await ctx.lockPool(MARKETS[market].pool);
  const position = (await selectPositions(ctx.tx, 'id = $1', [id]))[0];
  if (!position) throw new ProtocolError('NOT_FOUND', `Position ${id} does not exist (it may have been closed).`);
  if (owner !== undefined && position.owner !== owner) throw new ProtocolError('NOT_OWNER', `Position ${id} belongs to another wallet.`);
  return position;
}

export async function loadOrder(ctx: TxContext, id: string, owner?: string): Promise<OrderRow> {
  parseId(id, 'order');
  const { rows } = await ctx.tx.query<{ market: string }>('SELECT market FROM orders WHERE id = $1', [id]);
  const market = rows[0]?.market as keyof typeof MARKETS | undefined;
  if (!market) throw new ProtocolError('NOT_FOUND', `Order ${id} does not exist (it may have been filled or cancelled).`);
  await ctx.lockPool(MARKETS[market].pool);
  const order = (await selectOrders(ctx.tx, 'id = $1', [id]))[0];
  if (!order) throw new ProtocolError('NOT_FOUND', `Order ${id} does not exist (it may have been filled or cancelled).`);
  if (owner !== undefined && order.owner !== owner) throw new ProtocolError('NOT_OWNER', `Order ${id} belongs to another wallet.`);
  return order;
}
