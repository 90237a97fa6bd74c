import type { SqlClient } from '@/lib/db/types';
import { decOrNull } from '@/lib/db/rows';
import type { HistoryKind } from '@/lib/client/wire';
import type { MarketId, PoolId, Side } from '@/lib/math/ids';

/** One history row (api.md `GET /api/history`): realised PnL and fees where they apply, the rest in `details`. */
export interface EventRecord {
  owner: string;
  kind: HistoryKind;
  pool: PoolId | null;
  market?: MarketId | null;
  side?: Side | null;
  sizeUsd?: bigint | null;
  price?: bigint | null;
  realizedPnlUsd?: bigint | null;
  /** Fees the pool kept (USD): counted into `fees7dUsd`. */
  feesUsd?: bigint | null;
  details?: Record<string, string | number | bigint | null>;
}

export async function insertEvent(sql: SqlClient, e: EventRecord, nowS: number): Promise<void> {
  const details: Record<string, string | number | null> = {};
  for (const [k, v] of Object.entries(e.details ?? {})) details[k] = typeof v === 'bigint' ? v.toString() : v;
  await sql.query(
    `INSERT INTO events (owner, kind, pool, market, side, at, size_usd, price, realized_pnl_usd, fees_usd, details)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
    [
      e.owner, e.kind, e.pool, e.market ?? null, e.side ?? null, nowS, decOrNull(e.sizeUsd), decOrNull(e.price),
      decOrNull(e.realizedPnlUsd), decOrNull(e.feesUsd), JSON.stringify(details),
    ],
  );
}
