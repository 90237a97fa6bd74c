/**
 * Inputs and outputs of the ticket preview (lib/trade/open-preview.ts). The input shapes are the parts of the
 * app types (lib/client/types.ts: Market, Custody, Position) that the preview reads, so the API's objects fit.
 */
import type { MarketId, PoolId, Side, TokenId } from '@/lib/math/ids';
import type { OpenResult } from '@/lib/math/open';
import type { BorrowCost, OpenCosts } from './open-costs';

export type OrderType = 'market' | 'limit';

export interface TicketMarket {
  id: MarketId;
  pool: PoolId;
  /** Oracle mid (1e10), live from the stream when there is one. */
  price: bigint;
  open: boolean;
  stale: boolean;
  maxInitialLeverageBps: bigint;
  liquidationLeverageBps: bigint;
  openInterestLongUsd: bigint;
  openInterestShortUsd: bigint;
}

export interface TicketCustody {
  token: TokenId;
  owned: bigint;
  locked: bigint;
}

/** The trader's position on this market and side, as the API reports it (fees accrued to now). */
export interface ExistingPosition {
  side: Side;
  sizeUsd: bigint;
  collateralUsd: bigint;
  collateralAmount: bigint;
  entryPrice: bigint;
  lockAmount: bigint;
  exitFeeUsd: bigint;
  liquidationFeeUsd: bigint;
  borrowFeeUsd: bigint;
}

export interface TicketInput {
  market: TicketMarket;
  side: Side;
  orderType: OrderType;
  /** Limit orders: the trigger price (1e10); the preview treats it as the entry. */
  triggerPrice?: bigint | undefined;
  /** The token the trader posts (may be USDC for an ALP long: swapped into the market token first). */
  collateralToken: TokenId;
  /** In `collateralToken` units; undefined while the field is empty or not a number. */
  collateralAmount: bigint | undefined;
  leverageBps: bigint;
  slippageBps: bigint;
  /** Wallet balance of `collateralToken`; undefined when no wallet is connected. */
  balance: bigint | undefined;
  /** Custodies of the market's pool (for free liquidity, the swap and the rate after opening). */
  custodies: readonly TicketCustody[];
  existing?: ExistingPosition | undefined;
  /** Mid price of the market's token for the swap of an ALP long in USDC (same as market.price). */
  takeProfit?: bigint | undefined;
  stopLoss?: bigint | undefined;
}

export interface SwapPreview {
  tokenIn: TokenId;
  tokenOut: TokenId;
  amountIn: bigint;
  feeAmount: bigint;
  amountOut: bigint;
}

/** One position's figures at the fill price of an increase (borrow fee as the API last reported it). */
export interface PositionFigures {
  sizeUsd: bigint;
  collateralUsd: bigint;
  entryPrice: bigint;
  liquidationPrice: bigint;
  /** undefined = infinite (equity ≤ 0 at the fill price). */
  leverageBps: bigint | undefined;
  /** The position's totals: what closing and a liquidation would charge. */
  exitFeeUsd: bigint;
  liquidationFeeUsd: bigint;
  borrowFeeUsd: bigint;
  /** The keeper would liquidate it at the fill price. */
  liquidatable: boolean;
}

/** The position as it stands and as it will be once this order merges into it. */
export interface IncreasePreview {
  before: PositionFigures;
  after: PositionFigures;
}

export interface TicketPreview {
  open: OpenResult;
  swap: SwapPreview | undefined;
  /** Size in the market's asset (token decimals; 6 for the synthetic RWALP markets). */
  sizeTokens: bigint;
  sizeTokenDecimals: number;
  /** Entry bound sent with a market order (or a limit order, from its trigger). */
  acceptablePrice: bigint;
  /** Hourly borrow rate (1e9) right after opening, from the lock custody's utilization after the lock. */
  borrowRateHourly: bigint;
  /** Free liquidity of the lock custody in USD, before this open. */
  availableLiquidityUsd: bigint;
  /** A short's profit is capped at its size (protocol.md §6). */
  maxProfitUsd: bigint | undefined;
  /** The position before and after this increase, when one already exists. */
  increase: IncreasePreview | undefined;
  /** The token the collateral is held and paid out in (SOL for a SOL long posted in USDC). */
  heldToken: TokenId;
  /** What the open takes out of the amount posted, in USD. */
  costs: OpenCosts;
  /** Borrow fee of the whole position (after an increase: the merged size) at the rate right after opening. */
  borrow: BorrowCost;
}

export interface TicketIssue {
  code: string;
  message: string;
}

export interface TicketResult {
  preview: TicketPreview | undefined;
  /** The first reason the ticket cannot be sent, in plain words; undefined when it can. */
  issue: TicketIssue | undefined;
}
