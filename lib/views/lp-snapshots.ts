import { dec } from '@/lib/db/rows';
import type { Database } from '@/lib/db/types';
import type { PoolView } from './types';

/**
 * Records one `lp_snapshots` row per pool for the minute of `nowS` (the earn page's APR and LP price history),
 * from the pools as read on chain. Idempotent per (pool, minute): several instances may record the same minute.
 */
export async function recordLpSnapshots(db: Database, pools: readonly PoolView[], nowS: number): Promise<void> {
  const t = Math.floor(nowS / 60) * 60;
  await db.transaction(async (tx) => {
    for (const p of pools) {
      await tx.query(
        'INSERT INTO lp_snapshots (pool, t, aum_usd, supply, lp_price_usd) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
        [p.id, t, dec(p.aumUsd), dec(p.lpSupply), dec(p.lpPriceUsd)],
      );
    }
  });
}

/** Records a snapshot now and then every `everyMs` (default a minute); returns the stop. */
export function startLpSnapshots(record: () => Promise<void>, log: (m: string) => void, everyMs = 60_000): () => void {
  const run = () => void record().catch((e: unknown) => log(`LP snapshot failed: ${e instanceof Error ? e.message : String(e)}`));
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
