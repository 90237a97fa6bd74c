import { big } from '@/lib/db/rows';
import type { SqlClient } from '@/lib/db/types';
import type { PoolId } from '@/lib/math/ids';

export interface LpHistoryPointView {
  /** Unix seconds: the start of the minute it was recorded in (lib/views/lp-snapshots.ts). */
  time: number;
  lpPriceUsd: bigint;
  aumUsd: bigint;
  supply: bigint;
}

/**
 * The last `limit` snapshots of a pool's LP price (`lp_snapshots`, one a minute), oldest first. When there are
 * more than `limit` rows the history is thinned evenly, so a chart always covers the whole recorded span.
 */
export async function readLpHistory(sql: SqlClient, pool: PoolId, limit: number): Promise<LpHistoryPointView[]> {
  const { rows } = await sql.query<{ t: unknown; lp: unknown; aum: unknown; supply: unknown; n: unknown }>(
    `WITH s AS (
       SELECT t, lp_price_usd, aum_usd, supply, row_number() OVER (ORDER BY t DESC) - 1 AS k, count(*) OVER () AS n
       FROM lp_snapshots WHERE pool = $1
     )
     SELECT t::text AS t, lp_price_usd::text AS lp, aum_usd::text AS aum, supply::text AS supply, n::text AS n
     FROM s
     WHERE k % GREATEST(1, CEIL(n::numeric / $2::numeric))::bigint = 0
     ORDER BY t ASC`,
    [pool, limit],
  );
  return rows.map((r) => ({ time: Number(big(r.t)), lpPriceUsd: big(r.lp), aumUsd: big(r.aum), supply: big(r.supply) }));
}
