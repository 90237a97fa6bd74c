/**
 * The token each limit order escrowed, for OrderCancelled rows (the event carries the amount, not the mint): from
 * the OrderPlaced events seen, else from the indexed history (an order placed before this indexer started). Order
 * addresses are reused (one PDA per owner and slot), so the latest placement before the cancel is the one.
 */
import type { Address } from '@solana/kit';
import type { SqlClient } from '@/lib/db/types';
import { isTokenId, type TokenId } from '@/lib/math/ids';
import type { DecodedTransaction } from './map';

/** Forget the cache past this many orders (a lookup reloads what is needed). */
const MAX_CACHED = 100_000;

export class OrderTokens {
  private readonly tokens = new Map<Address, TokenId>();

  orderToken = (order: Address): TokenId | undefined => this.tokens.get(order);

  rememberOrder = (order: Address, token: TokenId): void => {
    if (this.tokens.size >= MAX_CACHED) this.tokens.clear();
    this.tokens.set(order, token);
  };

  /** Loads, in one query, the tokens of the orders cancelled in `decoded` that neither the cache nor the batch places. */
  async prepare(sql: SqlClient, decoded: readonly DecodedTransaction[]): Promise<void> {
    const placed = new Set<Address>();
    const missing = new Map<Address, string>();
    for (const { events } of decoded) {
      for (const e of events) {
        if (e.kind === 'orderPlaced') placed.add(e.order);
        else if (e.kind === 'orderCancelled' && !placed.has(e.order) && !this.tokens.has(e.order)) missing.set(e.order, e.owner);
      }
    }
    if (missing.size === 0) return;
    const { rows } = await sql.query<{ order_id: string; token: string | null }>(
      `SELECT DISTINCT ON (details::jsonb->>'orderId') details::jsonb->>'orderId' AS order_id, details::jsonb->>'collateralToken' AS token
       FROM events
       WHERE kind = 'order_placed' AND owner = ANY($1::text[]) AND details::jsonb->>'orderId' = ANY($2::text[])
       ORDER BY details::jsonb->>'orderId', id DESC`,
      [[...new Set(missing.values())], [...missing.keys()]],
    );
    for (const r of rows) if (isTokenId(r.token)) this.rememberOrder(r.order_id as Address, r.token);
  }
}
