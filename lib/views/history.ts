import { bigOrNull, num } from '@/lib/db/rows';
import type { SqlClient } from '@/lib/db/types';
import type { HistoryKind } from '@/lib/client/wire';
import type { MarketId, Side } from '@/lib/math/ids';
import type { HistoryEventView } from './types';

/**
 * `GET /api/history/{owner}`: the owner's history rows, newest first, as the indexer (lib/indexer) wrote them from
 * the program's events, each with its transaction's `signature` and `slot`. `limit` is clamped to 1..1000.
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
