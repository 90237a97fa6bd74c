import { MARKETS, PROTOCOL, lockToken } from '@/lib/math/params';
import { POOL_IDS, TOKEN_IDS, type PoolId, type TokenId } from '@/lib/math/ids';
import { big, num } from '@/lib/db/rows';
import type { HistoryKind } from '@/lib/client/wire';
import type { MarketId, Side } from '@/lib/math/ids';
import { bigOrNull } from '@/lib/db/rows';
import type { SqlClient } from '@/lib/db/types';
import type { TxContext } from '../tx-context';
import { selectOrders, selectPositions } from '../store/positions';
import { orderView, positionView } from '../position-view';
import type { AccountView, HistoryEventView } from '../views';

/** `GET /api/accounts/{owner}`: balances, LP, positions (fees as if accrued to now, at the mid), orders. */
export async function readAccount(ctx: TxContext, owner: string): Promise<AccountView> {
  for (const pool of POOL_IDS) await ctx.lockPool(pool);
  const balances = Object.fromEntries(TOKEN_IDS.map((t) => [t, 0n])) as Record<TokenId, bigint>;
  const { rows: bal } = await ctx.tx.query<{ token: string; amount: string }>('SELECT token, amount::text FROM balances WHERE owner = $1', [owner]);
  for (const r of bal) balances[r.token as TokenId] = big(r.amount);
  const lp = Object.fromEntries(POOL_IDS.map((p) => [p, 0n])) as Record<PoolId, bigint>;
  const { rows: lps } = await ctx.tx.query<{ pool: string; amount: string }>('SELECT pool, amount::text FROM lp_balances WHERE owner = $1', [owner]);
  for (const r of lps) lp[r.pool as PoolId] = big(r.amount);
  const positions = (await selectPositions(ctx.tx, 'owner = $1', [owner])).map((p) => {
    const m = MARKETS[p.market];
    return positionView(p, {
      cumulativeInterest: ctx.custody(m.pool, lockToken(p.market, p.side)).cumulativeInterest,
      price: ctx.feedQuote(m.feed, { allowStale: true }).price,
    });
  });
  const orders = (await selectOrders(ctx.tx, 'owner = $1', [owner])).map(orderView);
  // When every token can be drawn again (the cooldown is per token; the latest draw decides).
  const { rows: draws } = await ctx.tx.query<{ last_at: string | number | null }>(
    'SELECT max(last_at) AS last_at FROM faucet_draws WHERE owner = $1',
    [owner],
  );
  const lastAt = draws[0]?.last_at;
  const next = lastAt !== null && lastAt !== undefined ? num(lastAt) + PROTOCOL.faucetIntervalS : null;
  return { owner, balances, lp, positions, orders, faucetAvailableAt: next !== null && next > ctx.nowS ? next : null };
}

/** `GET /api/history/{owner}`: newest first. */
export function readHistory(ctx: TxContext, owner: string, limit: number): Promise<HistoryEventView[]> {
  return selectHistory(ctx.tx, owner, limit);
}

/**
 * The history rows of `owner`, newest first: the engine's and the indexer's (lib/indexer), which carry the
 * transaction's `signature` and `slot`.
 */
export async function selectHistory(sql: SqlClient, owner: string, limit: number): Promise<HistoryEventView[]> {
  const { rows } = await sql.query<Record<string, unknown>>(
    `SELECT id::text AS id, owner, kind, market, side, at, size_usd::text, price::text, realized_pnl_usd::text,
       fees_usd::text, details, signature, slot::text AS slot FROM events WHERE owner = $1 ORDER BY events.id DESC LIMIT $2`,
    [owner, Math.max(1, Math.min(limit, 1000))],
  );
  return rows.map((r) => ({
    id: String(r.id),
    owner: String(r.owner),
    kind: r.kind as HistoryKind,
    market: (r.market as MarketId | null) ?? null,
    side: (r.side as Side | null) ?? null,
    at: num(r.at),
    sizeUsd: bigOrNull(r.size_usd),
    price: bigOrNull(r.price),
    realizedPnlUsd: bigOrNull(r.realized_pnl_usd),
    feesUsd: bigOrNull(r.fees_usd),
    details: JSON.parse(String(r.details)) as Record<string, string | number | null>,
    ...(typeof r.signature === 'string' ? { signature: r.signature } : {}),
    ...(r.slot !== null && r.slot !== undefined ? { slot: BigInt(String(r.slot)) } : {}),
  }));
}
