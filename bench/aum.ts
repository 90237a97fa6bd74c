/**
 * AUM (protocol.md §8) through the engine's own path, `poolAumUsd` (lib/engine/pool-aum.ts), which reads the
 * per-(market, side) aggregates (`market_sides`, 14 rows) instead of positions. Measured per call in a fresh
 * read-only TxContext (pool locked and custodies loaded first, untimed): the aggregate SELECT plus the math.
 * "compute" is the same call on a context whose aggregates are already loaded (math only).
 */
import { poolAumUsd } from '@/lib/engine/pool-aum';
import { TxContext } from '@/lib/engine/tx-context';
import type { SeededWorld } from './seed';
import { median, nowMs } from './stats';

const RUNS = 41;

export interface AumFigures {
  positions: number;
  fullMs: number;
  computeMs: number;
  aumUsd: bigint;
}

export async function measureAum(s: SeededWorld): Promise<AumFigures> {
  const { engine, db } = s.world;
  const full: number[] = [];
  const compute: number[] = [];
  let aumUsd = 0n;
  await db.transaction(async (tx) => {
    for (let r = 0; r < RUNS; r++) {
      const ctx = new TxContext(tx, engine, { readOnly: true });
      await ctx.lockPool('ALP');
      let t0 = nowMs();
      aumUsd = await poolAumUsd(ctx, 'ALP', { allowStale: true });
      full.push(nowMs() - t0);
      t0 = nowMs();
      await poolAumUsd(ctx, 'ALP', { allowStale: true });
      compute.push(nowMs() - t0);
    }
  });
  const { rows } = await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM positions');
  return { positions: rows[0]?.n ?? 0, fullMs: median(full), computeMs: median(compute), aumUsd };
}
