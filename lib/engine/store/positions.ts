import type { SqlClient } from '@/lib/db/types';
import { big, bigOrNull, dec, decOrNull, num } from '@/lib/db/rows';
import type { MarketId, Side, TokenId } from '@/lib/math/ids';
import type { OrderRow, PositionRow } from './rows';

const POSITION_COLUMNS = `id::text AS id, owner, market, side, collateral_token, collateral_amount::text, collateral_usd::text,
  size_usd::text, entry_price::text, lock_amount::text, exit_fee_usd::text, liquidation_fee_usd::text,
  carried_interest_usd::text, interest_snapshot::text, take_profit::text, stop_loss::text, opened_at`;

type Raw = Record<string, unknown>;

export function positionFromRow(r: Raw): PositionRow {
  return {
    id: String(r.id),
    owner: String(r.owner),
    market: r.market as MarketId,
    side: r.side as Side,
    collateralToken: r.collateral_token as TokenId,
    collateralAmount: big(r.collateral_amount),
    collateralUsd: big(r.collateral_usd),
    sizeUsd: big(r.size_usd),
    entryPrice: big(r.entry_price),
    lockAmount: big(r.lock_amount),
    exitFeeUsd: big(r.exit_fee_usd),
    liquidationFeeUsd: big(r.liquidation_fee_usd),
    carriedInterestUsd: big(r.carried_interest_usd),
    interestSnapshot: big(r.interest_snapshot),
    takeProfit: bigOrNull(r.take_profit),
    stopLoss: bigOrNull(r.stop_loss),
    openedAt: num(r.opened_at),
  };
}

export async function selectPositions(sql: SqlClient, where: string, params: unknown[]): Promise<PositionRow[]> {
  const { rows } = await sql.query<Raw>(`SELECT ${POSITION_COLUMNS} FROM positions WHERE ${where} ORDER BY id`, params);
  return rows.map(positionFromRow);
}

export async function insertPosition(sql: SqlClient, p: Omit<PositionRow, 'id'>, nowS: number): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO positions (owner, market, side, collateral_token, collateral_amount, collateral_usd, size_usd,
      entry_price, lock_amount, exit_fee_usd, liquidation_fee_usd, carried_interest_usd, interest_snapshot,
      take_profit, stop_loss, opened_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$16) RETURNING id::text AS id`,
    [
      p.owner, p.market, p.side, p.collateralToken, dec(p.collateralAmount), dec(p.collateralUsd), dec(p.sizeUsd),
      dec(p.entryPrice), dec(p.lockAmount), dec(p.exitFeeUsd), dec(p.liquidationFeeUsd), dec(p.carriedInterestUsd),
      dec(p.interestSnapshot), decOrNull(p.takeProfit), decOrNull(p.stopLoss), nowS,
    ],
  );
  return String(rows[0]?.id);
}

export async function updatePosition(sql: SqlClient, p: PositionRow, nowS: number): Promise<void> {
  await sql.query(
    `UPDATE positions SET collateral_amount=$2, collateral_usd=$3, size_usd=$4, entry_price=$5, lock_amount=$6,
      exit_fee_usd=$7, liquidation_fee_usd=$8, carried_interest_usd=$9, interest_snapshot=$10, take_profit=$11,
      stop_loss=$12, updated_at=$13 WHERE id=$1`,
    [
      p.id, dec(p.collateralAmount), dec(p.collateralUsd), dec(p.sizeUsd), dec(p.entryPrice), dec(p.lockAmount),
      dec(p.exitFeeUsd), dec(p.liquidationFeeUsd), dec(p.carriedInterestUsd), dec(p.interestSnapshot),
      decOrNull(p.takeProfit), decOrNull(p.stopLoss), nowS,
    ],
  );
}

export async function deletePosition(sql: SqlClient, id: string): Promise<void> {
  await sql.query('DELETE FROM positions WHERE id = $1', [id]);
}

const ORDER_COLUMNS = `id::text AS id, owner, market, side, collateral_token, collateral_amount::text, leverage_bps::text,
  trigger_price::text, acceptable_price::text, take_profit::text, stop_loss::text, created_at`;

export function orderFromRow(r: Raw): OrderRow {
  return {
    id: String(r.id),
    owner: String(r.owner),
    market: r.market as MarketId,
    side: r.side as Side,
    collateralToken: r.collateral_token as TokenId,
    collateralAmount: big(r.collateral_amount),
    leverageBps: big(r.leverage_bps),
    triggerPrice: big(r.trigger_price),
    acceptablePrice: big(r.acceptable_price),
    takeProfit: bigOrNull(r.take_profit),
    stopLoss: bigOrNull(r.stop_loss),
    createdAt: num(r.created_at),
  };
}

export async function selectOrders(sql: SqlClient, where: string, params: unknown[]): Promise<OrderRow[]> {
  const { rows } = await sql.query<Raw>(`SELECT ${ORDER_COLUMNS} FROM orders WHERE ${where} ORDER BY id`, params);
  return rows.map(orderFromRow);
}

export async function insertOrder(sql: SqlClient, o: Omit<OrderRow, 'id'>): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO orders (owner, market, side, collateral_token, collateral_amount, leverage_bps, trigger_price,
      acceptable_price, take_profit, stop_loss, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id::text AS id`,
    [
      o.owner, o.market, o.side, o.collateralToken, dec(o.collateralAmount), dec(o.leverageBps), dec(o.triggerPrice),
      dec(o.acceptablePrice), decOrNull(o.takeProfit), decOrNull(o.stopLoss), o.createdAt,
    ],
  );
  return String(rows[0]?.id);
}

export async function deleteOrder(sql: SqlClient, id: string): Promise<boolean> {
  const { rows } = await sql.query('DELETE FROM orders WHERE id = $1 RETURNING id', [id]);
  return rows.length > 0;
}
