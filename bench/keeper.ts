/**
 * Keeper sweep at scale, with the real Keeper (lib/engine/keeper.ts) over PGlite: 100,000 open SOL longs, then
 * - "none crossed": one price update that crosses nothing, from `setPrices` until the keeper is idle;
 * - "find": `TriggerBook.crossed` alone for an update that crosses 100 (index clean, and right after one change);
 * - "100 crossed": one update that crosses 100 doomed positions, until the keeper is idle: the pass (100
 *   liquidation transactions) and the index refreshes their events cause;
 * - "index rebuild": `KeeperIndex.rebuild` at 5k, 10k and the full count (SELECT + entries + one sort), and the
 *   in-memory part alone (entries + `TriggerBook.load`) at the full count.
 * The 100 doomed are re-seeded and indexed through `setPosition` (untimed) before every measured run.
 */
import { Keeper } from '@/lib/engine/keeper';
import { KeeperIndex } from '@/lib/engine/keeper-index';
import { selectPositions } from '@/lib/engine/store/positions';
import { GENESIS } from '@/lib/math/params';
import { liquidationPrice } from '@/lib/math/liquidation';
import { MARKETS } from '@/lib/math/params';
import type { PositionRow } from '@/lib/engine/store/rows';
import { CENT, seedCopies, type SeededWorld } from './seed';
import { log, median, nowMs, row, type BenchRow } from './stats';

const RUNS = 5;
const CROSSED = 100;

function exactLiq(p: PositionRow, entryPrice: bigint): bigint {
  return liquidationPrice({
    side: p.side,
    sizeUsd: p.sizeUsd,
    collateralUsd: p.collateralUsd,
    entryPrice,
    liquidationLeverageBps: MARKETS.SOL.liquidationLeverageBps,
    liquidationFeeUsd: p.liquidationFeeUsd,
    borrowFeeUsd: p.carriedInterestUsd,
  });
}

/** Adds the positions not yet indexed (id above the last indexed) through KeeperIndex.setPosition. */
let lastIndexedId = 0;
async function indexNew(s: SeededWorld, keeper: Keeper): Promise<void> {
  for (const p of await selectPositions(s.world.db.sql, 'id > $1', [lastIndexedId])) {
    keeper.index.setPosition(p);
    lastIndexedId = Math.max(lastIndexedId, Number(p.id));
  }
}

export async function benchKeeper(s: SeededWorld, total: number): Promise<BenchRow[]> {
  const w = s.world;
  const keeper = new Keeper({ engine: w.engine, db: w.db, oracle: w.oracle }, { log: (m) => log(`keeper: ${m}`), rebuildEveryMs: 3_600_000, snapshotEveryMs: 3_600_000 });
  const out: BenchRow[] = [];
  try {
    // The keeper starts on the few real positions; the copies then enter its index through a timed rebuild.
    let t0 = nowMs();
    await keeper.start();
    await keeper.whenIdle();
    log(`keeper started in ${Math.round(nowMs() - t0)} ms`);
    const book = keeper.index.book('SOL');
    const rebuildRows: BenchRow[] = [];
    for (const n of [5_000, 10_000]) {
      if (n >= total) break;
      await seedCopies(s, s.calm, `r${n}-`, n - s.seeded - 2);
      const probe = new KeeperIndex(600);
      t0 = nowMs();
      await probe.rebuild(w.db.sql, w.engine.clock.nowS());
      rebuildRows.push(row({ section: 'keeper', name: `index rebuild (keeper start) at ${n / 1000}k positions`, value: nowMs() - t0, unit: 'ms', target: 'O(n log n)', note: 'single run: SELECT + entries + one sort' }));
      log(`index rebuild at ${n}: ${Math.round(nowMs() - t0)} ms`);
    }
    const calmCount = Math.max(0, total - s.seeded - 2);
    log(`seeding ${calmCount} positions`);
    const seedMs = await seedCopies(s, s.calm, 'calm-', calmCount);
    t0 = nowMs();
    await keeper.rebuild();
    const rebuildMs = nowMs() - t0;
    t0 = nowMs();
    const rows = await selectPositions(w.db.sql, 'TRUE', []);
    const selectMs = nowMs() - t0;
    lastIndexedId = rows.reduce((max, p) => Math.max(max, Number(p.id)), 0);
    const probe = new KeeperIndex(600);
    await probe.loadCustodies(w.db.sql, w.engine.clock.nowS());
    const loadStart = nowMs();
    probe.book('SOL').load(rows.flatMap((p) => probe.positionEntries(p)));
    const loadMs = nowMs() - loadStart;
    rebuildRows.push(
      row({ section: 'keeper', name: `index rebuild (keeper start) at ${(total / 1000).toFixed(0)}k positions`, value: rebuildMs, unit: 'ms', target: 'O(n log n)', note: 'single run: SELECT + entries + one sort' }),
      row({ section: 'keeper', name: `of which: SELECT + decode all ${(total / 1000).toFixed(0)}k positions (selectPositions)`, value: selectMs, unit: 'ms', target: '', note: 'single run' }),
      row({ section: 'keeper', name: `of which: index build in memory at ${(total / 1000).toFixed(0)}k (entries + one sort, no SELECT)`, value: loadMs, unit: 'ms', target: 'O(n log n)', note: 'single run' }),
    );
    log(`seeded (database ${Math.round(seedMs)} ms), index rebuilt in ${Math.round(rebuildMs)} ms (SELECT ${Math.round(selectMs)} ms, in memory ${Math.round(loadMs)} ms)`);
    const p0 = GENESIS.prices.SOL;
    // Doomed copies sit within ±0.5 USD of the doomed template's entry: their liquidation prices are above
    // `crossAt`; every calm one is far below it.
    const doomedLow = exactLiq(s.doomed, s.doomed.entryPrice - 50n * CENT);
    const calmHigh = exactLiq(s.calm, s.calm.entryPrice + 500n * CENT);
    const crossAt = doomedLow - 10n * CENT;
    const quietAt = p0 - 100n * CENT;
    if (!(calmHigh < crossAt && doomedLow < quietAt)) throw new Error(`bad bench layout: calm ${calmHigh}, doomed ${doomedLow}, quiet ${quietAt}`);


    const quiet: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      await w.setPrice('SOL', p0);
      await keeper.whenIdle();
      t0 = nowMs();
      await w.setPrice('SOL', quietAt - BigInt(r) * CENT);
      await keeper.whenIdle();
      quiet.push(nowMs() - t0);
    }

    const findClean: number[] = [];
    const findDirty: number[] = [];
    const refreshOne: number[] = [];
    const acted: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      await w.setPrice('SOL', p0);
      await keeper.whenIdle();
      await seedCopies(s, s.doomed, `doomed-${r}-`, CROSSED - 1 + (r === 0 ? 0 : 1), 50n);
      await indexNew(s, keeper);
      const found = book.crossed(crossAt).length;
      // The doomed template itself is crossed in run 0 only (it is liquidated then).
      if (found !== CROSSED) throw new Error(`expected ${CROSSED} crossed, index has ${found}`);
      t0 = nowMs();
      book.crossed(crossAt);
      findClean.push(nowMs() - t0);
      // One change (what any trade does to the index), then the same query.
      t0 = nowMs();
      keeper.index.setPosition(s.calm);
      refreshOne.push(nowMs() - t0);
      t0 = nowMs();
      book.crossed(crossAt);
      findDirty.push(nowMs() - t0);

      const liquidated = async () => Number((await w.db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE kind = 'liquidated'")).rows[0]?.n);
      const before = await liquidated();
      t0 = nowMs();
      await w.setPrice('SOL', crossAt);
      await keeper.whenIdle();
      acted.push(nowMs() - t0);
      const ok = (await liquidated()) - before;
      if (ok !== CROSSED) throw new Error(`expected ${CROSSED} liquidations, keeper did ${ok} (${keeper.actions.find((a) => !a.ok)?.error ?? ''})`);
      s.seeded -= CROSSED;
    }
    const n = `${(total / 1000).toFixed(0)}k positions`;
    const quietMs = median(quiet);
    out.push(
      row({ section: 'keeper', name: `sweep, none crossed (${n}, setPrices → idle)`, value: quietMs, unit: 'ms', target: '< 50 ms', pass: quietMs < 50 }),
      row({ section: 'keeper', name: `find 100 crossed, index clean (${n})`, value: median(findClean), unit: 'ms', target: '< 50 ms', pass: median(findClean) < 50 }),
      row({ section: 'keeper', name: `index update for one trade (${n})`, value: median(refreshOne), unit: 'ms', target: 'O(log n)', pass: median(refreshOne) < 1, note: 'own keys only: binary search + splice' }),
      row({ section: 'keeper', name: `find 100 crossed after one change (${n})`, value: median(findDirty), unit: 'ms', target: '< 50 ms', pass: median(findDirty) < 50, note: 'sorted in place: no re-sort' }),
      row({ section: 'keeper', name: `sweep, 100 crossed: find + one batch tx of 100 liquidations + refreshes`, value: median(acted), unit: 'ms', target: '< 50 ms', pass: median(acted) < 50 }),
      row({ section: 'keeper', name: 'liquidations per second in that sweep', value: (CROSSED * 1000) / median(acted), unit: '/s', target: '' }),
      ...rebuildRows,
      row({ section: 'keeper', name: `bulk seed ${calmCount} positions (INSERT … SELECT)`, value: seedMs, unit: 'ms', target: '', note: 'single run' }),
    );
  } finally {
    await keeper.stop();
  }
  return out;
}
