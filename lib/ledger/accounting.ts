import type { SqlClient } from '@/lib/db/types';
import { big } from '@/lib/db/rows';
import { isMarketId, isTokenId, SIDES } from '@/lib/math/ids';
import { lockToken, MARKETS } from '@/lib/math/params';

/** Σ over open positions, per custody (`pool/token`) and per aggregate (`market/side`). */
export interface PositionSums {
  collateralByCustody: Record<string, bigint>;
  lockByCustody: Record<string, bigint>;
  sizeUsdBySide: Record<string, bigint>;
  countBySide: Record<string, bigint>;
  /** Positions whose market, side or collateral token is unknown (each is a violation). */
  malformed: string[];
}

const key = (a: string, b: string) => `${a}/${b}`;
const add = (into: Record<string, bigint>, k: string, v: bigint) => {
  into[k] = (into[k] ?? 0n) + v;
};

interface PositionRow {
  id: string;
  market: string;
  side: string;
  collateral_token: string;
  collateral_amount: string;
  lock_amount: string;
  size_usd: string;
}

/**
 * Sums every open position into the custody it belongs to (its market's pool): collateral under its
 * collateral token, lock under `lockToken(market, side)` (§5.3), size under its (market, side) aggregate.
 */
export async function sumPositions(sql: SqlClient): Promise<PositionSums> {
  const sums: PositionSums = { collateralByCustody: {}, lockByCustody: {}, sizeUsdBySide: {}, countBySide: {}, malformed: [] };
  const { rows } = await sql.query<PositionRow>(
    `SELECT id::text, market, side, collateral_token, collateral_amount::text, lock_amount::text, size_usd::text FROM positions`,
  );
  for (const p of rows) {
    const side = SIDES.find((s) => s === p.side);
    if (!isMarketId(p.market) || side === undefined || !isTokenId(p.collateral_token)) {
      sums.malformed.push(`position ${p.id}: unknown market/side/collateral token ${p.market}/${p.side}/${p.collateral_token}`);
      continue;
    }
    const pool = MARKETS[p.market].pool;
    add(sums.collateralByCustody, key(pool, p.collateral_token), big(p.collateral_amount));
    add(sums.lockByCustody, key(pool, lockToken(p.market, side)), big(p.lock_amount));
    add(sums.sizeUsdBySide, key(p.market, side), big(p.size_usd));
    add(sums.countBySide, key(p.market, side), 1n);
  }
  return sums;
}

export interface CustodyRow {
  pool: string;
  token: string;
  owned: bigint;
  locked: bigint;
  collateral: bigint;
}

export async function readCustodies(sql: SqlClient): Promise<CustodyRow[]> {
  const { rows } = await sql.query<{ pool: string; token: string; owned: string; locked: string; collateral: string }>(
    'SELECT pool, token, owned::text, locked::text, collateral::text FROM custodies ORDER BY pool, token',
  );
  return rows.map((r) => ({ pool: r.pool, token: r.token, owned: big(r.owned), locked: big(r.locked), collateral: big(r.collateral) }));
}

/** LP supply per pool next to Σ LP balances of that pool. */
export async function readLpSupply(sql: SqlClient): Promise<{ pool: string; supply: bigint; held: bigint }[]> {
  const { rows } = await sql.query<{ id: string; supply: string; held: string }>(
    `SELECT p.id, p.lp_supply::text AS supply, COALESCE((SELECT SUM(amount) FROM lp_balances l WHERE l.pool = p.id), 0)::text AS held
     FROM pools p ORDER BY p.id`,
  );
  return rows.map((r) => ({ pool: r.id, supply: big(r.supply), held: big(r.held) }));
}

/** LP balances naming a pool that does not exist. */
export async function readOrphanLp(sql: SqlClient): Promise<string[]> {
  const { rows } = await sql.query<{ pool: string }>('SELECT DISTINCT pool FROM lp_balances WHERE pool NOT IN (SELECT id FROM pools)');
  return rows.map((r) => r.pool);
}
