import type { MarketId, Side, TokenId } from '@/lib/math/ids';
import type { PositionState } from '@/lib/math/position';

/** A position as decoded from its program account (docs/program.md), in lib/math's units. */
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

/** A limit order as decoded from its program account (docs/program.md). */
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
