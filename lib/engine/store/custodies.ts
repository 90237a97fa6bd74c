import type { SqlClient } from '@/lib/db/types';
import { big, dec, num } from '@/lib/db/rows';
import type { PoolId, TokenId } from '@/lib/math/ids';
import type { CustodyRow, SideAggregateRow } from './rows';
import type { MarketId, Side } from '@/lib/math/ids';

type Raw = Record<string, unknown>;

function custodyFromRow(pool: PoolId, r: Raw): CustodyRow {
  return {
    pool,
    token: r.token as TokenId,
    owned: big(r.owned),
    locked: big(r.locked),
    collateral: big(r.collateral),
    cumulativeInterest: big(r.cumulative_interest),
    rateHourly: big(r.rate_hourly),
    lastAccrualS: num(r.last_accrual_s),
  };
}

/**
 * The pool row (locked `FOR UPDATE` when `forUpdate`) and its custodies in ONE statement. Only for PGlite: there
 * transactions run one at a time, so the custodies read in the statement are those after the lock. On PostgreSQL
 * the statement's snapshot predates a lock wait, so the custodies must be read by a later statement
 * (`selectPoolSupply` then `selectCustodies`).
 */
export async function selectPoolWithCustodiesPglite(sql: SqlClient, pool: PoolId, forUpdate: boolean): Promise<{ supply: bigint; custodies: CustodyRow[] }> {
  const { rows } = await sql.query<Raw>(
    `SELECT p.lp_supply::text AS lp_supply, c.token, c.owned::text AS owned, c.locked::text AS locked,
       c.collateral::text AS collateral, c.cumulative_interest::text AS cumulative_interest,
       c.rate_hourly::text AS rate_hourly, c.last_accrual_s
     FROM pools p LEFT JOIN custodies c ON c.pool = p.id WHERE p.id = $1 ORDER BY c.token ${forUpdate ? 'FOR UPDATE OF p' : ''}`,
    [pool],
  );
  if (!rows[0]) throw new Error(`Pool ${pool} is missing: the database has no genesis.`);
  return { supply: big(rows[0].lp_supply), custodies: rows.filter((r) => r.token != null).map((r) => custodyFromRow(pool, r)) };
}

export async function selectCustodies(sql: SqlClient, pool?: PoolId): Promise<CustodyRow[]> {
  const { rows } = await sql.query<Raw>(
    `SELECT pool, token, owned::text, locked::text, collateral::text, cumulative_interest::text, rate_hourly::text,
      last_accrual_s FROM custodies ${pool ? 'WHERE pool = $1' : ''} ORDER BY pool, token`,
    pool ? [pool] : [],
  );
  return rows.map((r) => ({
    pool: r.pool as PoolId,
    token: r.token as TokenId,
    owned: big(r.owned),
    locked: big(r.locked),
    collateral: big(r.collateral),
    cumulativeInterest: big(r.cumulative_interest),
    rateHourly: big(r.rate_hourly),
    lastAccrualS: num(r.last_accrual_s),
  }));
}

export async function updateCustody(sql: SqlClient, c: CustodyRow): Promise<void> {
  await sql.query(
    `UPDATE custodies SET owned=$3, locked=$4, collateral=$5, cumulative_interest=$6, rate_hourly=$7, last_accrual_s=$8
     WHERE pool=$1 AND token=$2`,
    [c.pool, c.token, dec(c.owned), dec(c.locked), dec(c.collateral), dec(c.cumulativeInterest), dec(c.rateHourly), c.lastAccrualS],
  );
}

export async function selectPoolSupply(sql: SqlClient, pool: PoolId, forUpdate: boolean): Promise<bigint> {
  const { rows } = await sql.query<{ lp_supply: string }>(
    `SELECT lp_supply::text FROM pools WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
    [pool],
  );
  if (!rows[0]) throw new Error(`Pool ${pool} is missing: the database has no genesis.`);
  return big(rows[0].lp_supply);
}

export async function updatePoolSupply(sql: SqlClient, pool: PoolId, supply: bigint): Promise<void> {
  await sql.query('UPDATE pools SET lp_supply = $2 WHERE id = $1', [pool, dec(supply)]);
}

export async function selectAggregates(sql: SqlClient): Promise<SideAggregateRow[]> {
  const { rows } = await sql.query<Raw>(
    `SELECT market, side, size_usd::text, size_over_entry::text, carried_interest_usd::text, size_times_snapshot::text, count::text
     FROM market_sides ORDER BY market, side`,
  );
  return rows.map((r) => ({
    market: r.market as MarketId,
    side: r.side as Side,
    sizeUsd: big(r.size_usd),
    sizeOverEntry: big(r.size_over_entry),
    carriedInterestUsd: big(r.carried_interest_usd),
    sizeTimesSnapshot: big(r.size_times_snapshot),
    count: big(r.count),
  }));
}

export async function updateAggregate(sql: SqlClient, a: SideAggregateRow): Promise<void> {
  await sql.query(
    `UPDATE market_sides SET size_usd=$3, size_over_entry=$4, carried_interest_usd=$5, size_times_snapshot=$6, count=$7
     WHERE market=$1 AND side=$2`,
    [a.market, a.side, dec(a.sizeUsd), dec(a.sizeOverEntry), dec(a.carriedInterestUsd), dec(a.sizeTimesSnapshot), dec(a.count)],
  );
}
