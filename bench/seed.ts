/**
 * A PGlite engine world (lib/engine/test-support) with many open SOL longs written the way the engine stores
 * them: two real positions are opened through the engine (a 2× "calm" template and a 20× "doomed" template),
 * then copied with one `INSERT … SELECT generate_series` each (entry prices spread by a cent per row), and the
 * (market, side) aggregate and the SOL / USDC custodies' `locked` / `collateral` are moved by exactly what the
 * copies add, so keeper liquidations and AUM see a consistent pool.
 */
import { addToAggregate, EMPTY_AGGREGATE, type SideAggregate } from '@/lib/math/aggregates';
import { dec } from '@/lib/db/rows';
import { selectAggregates } from '@/lib/engine/store/custodies';
import { selectPositions } from '@/lib/engine/store/positions';
import type { PositionRow } from '@/lib/engine/store/rows';
import { createTestWorld, type TestWorld } from '@/lib/engine/test-support';

const USDC = 1_000_000n;
/** One cent in the 1e10 price scale. */
export const CENT = 100_000_000n;
/** Entry spread of calm copies: ±SPREAD cents around the template's entry. */
const SPREAD = 500n;

export interface SeededWorld {
  world: TestWorld;
  calm: PositionRow;
  doomed: PositionRow;
  seeded: number;
}

async function openTemplate(w: TestWorld, owner: string, leverageBps: bigint): Promise<PositionRow> {
  await w.act(owner, 'faucet', { token: 'USDC', amount: 1_000n * USDC });
  const r = await w.act(owner, 'openPosition', {
    market: 'SOL',
    side: 'long',
    collateralToken: 'USDC',
    collateralAmount: 11n * USDC,
    leverageBps,
    acceptablePrice: 10n ** 20n,
  });
  if (r.action !== 'openPosition') throw new Error('template open failed');
  const row = (await selectPositions(w.db.sql, 'id = $1', [r.position.id]))[0];
  if (!row) throw new Error('template row missing');
  return row;
}

export async function createSeededWorld(): Promise<SeededWorld> {
  const world = await createTestWorld('pglite');
  await world.reset();
  const calm = await openTemplate(world, 'bench-calm', 20_000n);
  const doomed = await openTemplate(world, 'bench-doomed', 200_000n);
  return { world, calm, doomed, seeded: 0 };
}

/** The entry of copy `g` (1-based) of `template`: calm copies spread ±5 USD, doomed copies ±0.5 USD. */
function entryOf(template: PositionRow, g: number, spreadCents: bigint): bigint {
  const span = 2n * spreadCents + 1n;
  return template.entryPrice + ((BigInt(g) % span) - spreadCents) * CENT;
}

/**
 * Inserts `count` copies of `template` (owners `${prefix}${g}`), then moves the aggregate and custodies by what
 * they add. Returns the ms the whole seeding took.
 */
export async function seedCopies(s: SeededWorld, template: PositionRow, prefix: string, count: number, spreadCents: bigint = SPREAD): Promise<number> {
  const t0 = performance.now();
  const span = 2n * spreadCents + 1n;
  await s.world.db.transaction(async (tx) => {
    // The template's values are passed as parameters (the template row itself may have been liquidated).
    const t = template;
    await tx.query(
      `INSERT INTO positions (owner, market, side, collateral_token, collateral_amount, collateral_usd, size_usd,
        entry_price, lock_amount, exit_fee_usd, liquidation_fee_usd, carried_interest_usd, interest_snapshot,
        take_profit, stop_loss, opened_at, updated_at)
       SELECT $1::text || g::text, $6, $7, $8, $9::numeric, $10::numeric, $11::numeric,
         $12::numeric + ((g % $3::int) - $4::int) * $5::numeric, $13::numeric, $14::numeric, $15::numeric, $16::numeric,
         $17::numeric, NULL, NULL, $18::bigint, $18::bigint
       FROM generate_series(1, $2::int) AS g`,
      [
        prefix, count, dec(span), dec(spreadCents), dec(CENT), t.market, t.side, t.collateralToken,
        dec(t.collateralAmount), dec(t.collateralUsd), dec(t.sizeUsd), dec(t.entryPrice), dec(t.lockAmount),
        dec(t.exitFeeUsd), dec(t.liquidationFeeUsd), dec(t.carriedInterestUsd), dec(t.interestSnapshot), t.openedAt,
      ],
    );
    let added: SideAggregate = EMPTY_AGGREGATE;
    for (let g = 1; g <= count; g++) added = addToAggregate({ agg: added, position: { ...template, entryPrice: entryOf(template, g, spreadCents) } });
    const agg = (await selectAggregates(tx)).find((a) => a.market === 'SOL' && a.side === 'long');
    if (!agg) throw new Error('no SOL long aggregate');
    await tx.query(
      `UPDATE market_sides SET size_usd = $1, size_over_entry = $2, carried_interest_usd = $3, size_times_snapshot = $4,
        count = $5 WHERE market = 'SOL' AND side = 'long'`,
      [
        dec(agg.sizeUsd + added.sizeUsd), dec(agg.sizeOverEntry + added.sizeOverEntry),
        dec(agg.carriedInterestUsd + added.carriedInterestUsd), dec(agg.sizeTimesSnapshot + added.sizeTimesSnapshot),
        dec(agg.count + added.count),
      ],
    );
    const n = BigInt(count);
    await tx.query(`UPDATE custodies SET locked = locked + $1 WHERE pool = 'ALP' AND token = 'SOL'`, [dec(template.lockAmount * n)]);
    await tx.query(`UPDATE custodies SET collateral = collateral + $1 WHERE pool = 'ALP' AND token = $2`, [dec(template.collateralAmount * n), template.collateralToken]);
  });
  // Written behind the engine's back: its PGlite pool-state cache must read them again.
  s.world.engine.forgetCachedState();
  s.seeded += count;
  return performance.now() - t0;
}
