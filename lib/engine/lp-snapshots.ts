import { dec } from '@/lib/db/rows';
import type { Engine } from './engine';

/** Records one lp_snapshots row per pool for the current minute (the earn page's APR and price history). */
export async function recordLpSnapshots(engine: Engine): Promise<void> {
  const pools = await engine.getPools();
  const t = Math.floor(engine.clock.nowS() / 60) * 60;
  await engine.db.transaction(async (tx) => {
    for (const p of pools) {
      await tx.query(
        'INSERT INTO lp_snapshots (pool, t, aum_usd, supply, lp_price_usd) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
        [p.id, t, dec(p.aumUsd), dec(p.lpSupply), dec(p.lpPriceUsd)],
      );
    }
  });
}
