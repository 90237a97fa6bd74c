import type { MarketId, PoolId, Side, TokenId } from '@/lib/math/ids';
import type { PositionState } from '@/lib/math/position';
import type { SideAggregate } from '@/lib/math/aggregates';

/** A custody as stored (protocol.md §3, §4). `collateral` is trader collateral held there (not LP money). */
export interface CustodyRow {
  pool: PoolId;
  token: TokenId;
  owned: bigint;
  locked: bigint;
  collateral: bigint;
  cumulativeInterest: bigint;
  rateHourly: bigint;
  lastAccrualS: number;
}

export interface PositionRow extends PositionState {
  id: string;
  owner: string;
  market: MarketId;
  side: Side;
  collateralToken: TokenId;
  takeProfit: bigint | null;
  stopLoss: bigint | null;
  openedAt: number;
}

export interface OrderRow {
  id: string;
  owner: string;
  market: MarketId;
  side: Side;
  collateralToken: TokenId;
  collateralAmount: bigint;
  leverageBps: bigint;
  triggerPrice: bigint;
  acceptablePrice: bigint;
  takeProfit: bigint | null;
  stopLoss: bigint | null;
  createdAt: number;
}

/** The per-(market, side) aggregate of §8 as stored in `market_sides`. */
export interface SideAggregateRow extends SideAggregate {
  market: MarketId;
  side: Side;
}
