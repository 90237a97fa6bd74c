/**
 * Wire types of the HTTP API (`api.md`), exactly as JSON carries them: every amount, price and rate is a decimal
 * string of the integer in the units of protocol.md §1. The API client (`lib/client/api.ts`) turns them into app
 * types with `bigint`s; nothing else in the browser reads these shapes.
 */
import type { MarketId, PoolId, Side, TokenId, FeedId } from '@/lib/math/ids';

export type DecimalString = string;

export interface ApiErrorBody {
  error: { code: string; message: string };
}

export interface HealthWire {
  ok: boolean;
  oracle: { mode: 'simulated' | 'manual' | 'pyth'; stale: boolean };
  db: 'pglite' | 'postgres';
  devnet?: boolean;
}

export interface MarketWire {
  id: MarketId;
  pool: PoolId;
  price: DecimalString;
  low: DecimalString;
  high: DecimalString;
  publishTime: number;
  maxInitialLeverageBps: DecimalString;
  liquidationLeverageBps: DecimalString;
  closeFeeBps: DecimalString;
  liquidationFeeBps: DecimalString;
  maxPositionUsd: DecimalString;
  openInterestLongUsd: DecimalString;
  openInterestShortUsd: DecimalString;
  borrowRateLongHourly: DecimalString;
  borrowRateShortHourly: DecimalString;
  open: boolean;
  /** Extra fields (routes may grow): open-interest cap per side, free liquidity long/short in USD, reopening time. */
  openInterestCapUsd?: DecimalString;
  availableLiquidityLongUsd?: DecimalString;
  availableLiquidityShortUsd?: DecimalString;
  reopensAt?: number | null;
  stale?: boolean;
  /** Extra: the mid price 24 hours ago (for the ticker's 24h change); the UI falls back to 1h candles without it. */
  price24hAgo?: DecimalString | null;
}

export interface CustodyWire {
  token: TokenId;
  decimals: number;
  owned: DecimalString;
  locked: DecimalString;
  utilizationBps: DecimalString;
  borrowRateHourly: DecimalString;
  ratioBps: DecimalString;
  targetBps: DecimalString;
  minBps: DecimalString;
  maxBps: DecimalString;
  addFeeBps: DecimalString;
  removeFeeBps: DecimalString;
  price?: DecimalString;
  low?: DecimalString;
  high?: DecimalString;
}

export interface PoolWire {
  id: PoolId;
  aumUsd: DecimalString;
  lpSupply: DecimalString;
  lpPriceUsd: DecimalString;
  custodies: CustodyWire[];
  /** Extra: per (market, side) aggregate for the LP risk panel. */
  exposures?: { market: MarketId; side: Side; sizeUsd: DecimalString; avgEntryPrice: DecimalString; pricePnlUsd: DecimalString }[];
  /** Extra: fees kept by the pool over the trailing 7 days, in USD. */
  fees7dUsd?: DecimalString;
}

export interface PositionWire {
  id: string;
  owner: string;
  market: MarketId;
  side: Side;
  sizeUsd: DecimalString;
  collateralUsd: DecimalString;
  collateralToken: TokenId;
  collateralAmount: DecimalString;
  entryPrice: DecimalString;
  liquidationPrice: DecimalString;
  exitFeeUsd: DecimalString;
  liquidationFeeUsd: DecimalString;
  borrowFeeUsd: DecimalString;
  pricePnlUsd: DecimalString;
  netPnlUsd: DecimalString;
  /** Current leverage; null when equity ≤ 0 (infinite). */
  leverageBps: DecimalString | null;
  lockAmount: DecimalString;
  takeProfit: DecimalString | null;
  stopLoss: DecimalString | null;
  openedAt: number;
}

export interface OrderWire {
  id: string;
  owner: string;
  market: MarketId;
  side: Side;
  collateralToken: TokenId;
  collateralAmount: DecimalString;
  leverageBps: DecimalString;
  triggerPrice: DecimalString;
  takeProfit: DecimalString | null;
  stopLoss: DecimalString | null;
  createdAt: number;
}

export interface AccountWire {
  owner: string;
  balances: Record<TokenId, DecimalString>;
  lp: Record<PoolId, DecimalString>;
  positions: PositionWire[];
  orders: OrderWire[];
  /** Extra: unix seconds when the faucet may be drawn again (local network). */
  faucetAvailableAt?: number | null;
  /** Native lamports (api.md v2). */
  sol?: DecimalString;
}

export type HistoryKind = 'opened' | 'increased' | 'closed' | 'liquidated' | 'filled' | 'collateral' | 'tpsl' | 'order_placed' | 'order_cancelled' | 'liquidity_added' | 'liquidity_removed' | 'swap' | 'faucet';

export interface HistoryEventWire {
  id: string;
  owner: string;
  kind: HistoryKind;
  market: MarketId | null;
  side: Side | null;
  at: number;
  sizeUsd: DecimalString | null;
  price: DecimalString | null;
  realizedPnlUsd: DecimalString | null;
  feesUsd: DecimalString | null;
  /** Everything else the event recorded (amounts, tokens), as decimal strings. */
  details: Record<string, string | number | null>;
  /** The Solana transaction of the event (api.md v2: from the indexer) and its slot. */
  signature?: string;
  slot?: DecimalString;
}

export interface CandleWire {
  time: number;
  open: DecimalString;
  high: DecimalString;
  low: DecimalString;
  close: DecimalString;
}

export interface OpenQuoteRequestWire {
  market: MarketId;
  side: Side;
  collateralToken: TokenId;
  collateralAmount: DecimalString;
  leverageBps: DecimalString;
}

export interface OpenQuoteWire {
  collateralUsd: DecimalString;
  sizeUsd: DecimalString;
  entryPrice: DecimalString;
  liquidationPrice: DecimalString;
  openFeeUsd: DecimalString;
  exitFeeUsd: DecimalString;
  liquidationFeeUsd: DecimalString;
  borrowRateHourly: DecimalString;
  lockAmount: DecimalString;
}

/** The actions of `POST /api/transactions/{action}` (api.md § Acting). */
export type ActionName =
  | 'openPosition'
  | 'closePosition'
  | 'addCollateral'
  | 'removeCollateral'
  | 'setTpSl'
  | 'placeLimitOrder'
  | 'cancelOrder'
  | 'addLiquidity'
  | 'removeLiquidity'
  | 'swap';

/** Server-Sent Events of GET /api/stream (event name → data JSON). */
export interface StreamEvents {
  price: { feed: FeedId; price: DecimalString; publishTime: number };
  pool: { pool: PoolId };
  position: { owner: string; positionId: string; market: MarketId; kind: string };
  order: { owner: string; orderId: string; market: MarketId; kind: string };
}
