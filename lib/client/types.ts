/**
 * App types of the browser: the wire types of `lib/client/wire.ts` with every decimal string turned into a
 * `bigint` in the units of protocol.md §1. Only `lib/client/api.ts` (through `decode.ts`) builds them.
 */
import type { HistoryKind } from '@/lib/client/wire';
import type { FeedId, MarketId, PoolId, Side, TokenId } from '@/lib/math/ids';

export type { HistoryKind };

export interface Health {
  ok: boolean;
  oracle: { mode: 'simulated' | 'manual' | 'pyth'; stale: boolean };
  db: 'pglite' | 'postgres';
  /** Whether the local network (faucet, burner wallet, dev routes) is on; a missing field counts as on in dev. */
  devnet: boolean;
}

export interface Market {
  id: MarketId;
  pool: PoolId;
  price: bigint;
  low: bigint;
  high: bigint;
  publishTime: number;
  maxInitialLeverageBps: bigint;
  liquidationLeverageBps: bigint;
  closeFeeBps: bigint;
  liquidationFeeBps: bigint;
  maxPositionUsd: bigint;
  openInterestLongUsd: bigint;
  openInterestShortUsd: bigint;
  borrowRateLongHourly: bigint;
  borrowRateShortHourly: bigint;
  open: boolean;
  openInterestCapUsd: bigint | undefined;
  availableLiquidityLongUsd: bigint | undefined;
  availableLiquidityShortUsd: bigint | undefined;
  /** Unix seconds when a closed market reopens (RWALP), if the API says. */
  reopensAt: number | undefined;
  stale: boolean;
  /** The mid price 24 hours ago, when the API gives it (`price24hAgo`). */
  price24hAgo: bigint | undefined;
}

export interface Custody {
  token: TokenId;
  decimals: number;
  owned: bigint;
  locked: bigint;
  utilizationBps: bigint;
  borrowRateHourly: bigint;
  ratioBps: bigint;
  targetBps: bigint;
  minBps: bigint;
  maxBps: bigint;
  addFeeBps: bigint;
  removeFeeBps: bigint;
  price: bigint | undefined;
  low: bigint | undefined;
  high: bigint | undefined;
}

export interface PoolExposure {
  market: MarketId;
  side: Side;
  sizeUsd: bigint;
  avgEntryPrice: bigint;
  pricePnlUsd: bigint;
}

export interface Pool {
  id: PoolId;
  aumUsd: bigint;
  lpSupply: bigint;
  lpPriceUsd: bigint;
  custodies: Custody[];
  exposures: PoolExposure[] | undefined;
  fees7dUsd: bigint | undefined;
}

export interface Position {
  id: string;
  owner: string;
  market: MarketId;
  side: Side;
  sizeUsd: bigint;
  collateralUsd: bigint;
  collateralToken: TokenId;
  collateralAmount: bigint;
  entryPrice: bigint;
  liquidationPrice: bigint;
  exitFeeUsd: bigint;
  liquidationFeeUsd: bigint;
  borrowFeeUsd: bigint;
  pricePnlUsd: bigint;
  netPnlUsd: bigint;
  /** Current leverage; `undefined` when equity ≤ 0 (infinite). */
  leverageBps: bigint | undefined;
  lockAmount: bigint;
  takeProfit: bigint | undefined;
  stopLoss: bigint | undefined;
  openedAt: number;
}

export interface Order {
  id: string;
  owner: string;
  market: MarketId;
  side: Side;
  collateralToken: TokenId;
  collateralAmount: bigint;
  leverageBps: bigint;
  triggerPrice: bigint;
  takeProfit: bigint | undefined;
  stopLoss: bigint | undefined;
  createdAt: number;
}

export interface Account {
  owner: string;
  /** Wallet balances per token in token units; a token the API leaves out is 0n. */
  balances: Record<TokenId, bigint>;
  lp: Record<PoolId, bigint>;
  positions: Position[];
  orders: Order[];
  faucetAvailableAt: number | undefined;
  /** Native SOL (lamports) for fees. */
  solLamports: bigint;
}

export interface HistoryEvent {
  id: string;
  owner: string;
  kind: HistoryKind;
  market: MarketId | undefined;
  side: Side | undefined;
  at: number;
  sizeUsd: bigint | undefined;
  price: bigint | undefined;
  realizedPnlUsd: bigint | undefined;
  feesUsd: bigint | undefined;
  details: Record<string, string | number | null>;
  /** The Solana transaction of the event (rows the indexer wrote). */
  signature?: string;
  slot?: bigint;
}

export interface Candle {
  /** Bucket start, unix seconds. */
  time: number;
  open: bigint;
  high: bigint;
  low: bigint;
  close: bigint;
}

export type CandleInterval = '1m' | '5m' | '15m' | '1h' | '4h' | '1d';

export interface OpenQuoteRequest {
  market: MarketId;
  side: Side;
  collateralToken: TokenId;
  collateralAmount: bigint;
  leverageBps: bigint;
}

export interface OpenQuote {
  collateralUsd: bigint;
  sizeUsd: bigint;
  entryPrice: bigint;
  liquidationPrice: bigint;
  openFeeUsd: bigint;
  exitFeeUsd: bigint;
  liquidationFeeUsd: bigint;
  borrowRateHourly: bigint;
  lockAmount: bigint;
}

/** A live price from the stream (`price` events). */
export interface PriceTick {
  feed: FeedId;
  price: bigint;
  publishTime: number;
}
