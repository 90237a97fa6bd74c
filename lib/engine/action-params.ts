import type { MarketId, PoolId, Side, TokenId } from '@/lib/math/ids';
import type { ActionName } from '@/lib/client/wire';

export type { ActionName };

/** Typed params of each action of api.md (amounts, prices, bps as bigint; ids of positions and orders as strings). */
export interface OpenPositionParams {
  market: MarketId;
  side: Side;
  collateralToken: TokenId;
  collateralAmount: bigint;
  leverageBps: bigint;
  acceptablePrice: bigint;
  takeProfit?: bigint | null;
  stopLoss?: bigint | null;
}

export interface ActionParams {
  faucet: { token: TokenId; amount: bigint };
  openPosition: OpenPositionParams;
  closePosition: { positionId: string; fractionBps?: bigint; acceptablePrice: bigint };
  addCollateral: { positionId: string; amount: bigint };
  removeCollateral: { positionId: string; amountUsd: bigint };
  setTpSl: { positionId: string; takeProfit: bigint | null; stopLoss: bigint | null };
  placeLimitOrder: OpenPositionParams & { triggerPrice: bigint };
  cancelOrder: { orderId: string };
  addLiquidity: { pool: PoolId; token: TokenId; amount: bigint; minLpOut: bigint };
  removeLiquidity: { pool: PoolId; token: TokenId; lpAmount: bigint; minAmountOut: bigint };
  swap: { pool: PoolId; tokenIn: TokenId; tokenOut: TokenId; amountIn: bigint; minAmountOut: bigint };
}

/** `POST /api/quote/open`: the open params without slippage or triggers. */
export interface QuoteOpenParams {
  market: MarketId;
  side: Side;
  collateralToken: TokenId;
  collateralAmount: bigint;
  leverageBps: bigint;
}

export type ActionRequest = {
  [A in ActionName]: { owner: string; nonce: string; action: A; params: ActionParams[A] };
}[ActionName];
