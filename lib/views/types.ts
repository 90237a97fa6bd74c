import type { FeedId, MarketId, PoolId, Side, TokenId } from '@/lib/math/ids';
import type { HistoryKind } from '@/lib/client/wire';
import type { OracleMode as OracleModeName } from '@/lib/oracle/types';

/** What the reads return to the API layer: the wire shapes of lib/client/wire.ts with bigints (stringified there). */
export interface PositionView {
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
  /** null when equity ≤ 0 (infinite leverage). */
  leverageBps: bigint | null;
  lockAmount: bigint;
  takeProfit: bigint | null;
  stopLoss: bigint | null;
  openedAt: number;
}

export interface OrderView {
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

export interface MarketView {
  id: MarketId;
  pool: PoolId;
  feed: FeedId;
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
  openInterestCapUsd: bigint;
  availableLiquidityLongUsd: bigint;
  availableLiquidityShortUsd: bigint;
  reopensAt: number | null;
  stale: boolean;
  /** The mid price about 24 hours ago (reads/markets.ts `price24hAgoSinceS`); null without candles since then. */
  price24hAgo: bigint | null;
}

export interface CustodyView {
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
  price: bigint;
  low: bigint;
  high: bigint;
}

export interface ExposureView {
  market: MarketId;
  side: Side;
  sizeUsd: bigint;
  avgEntryPrice: bigint;
  pricePnlUsd: bigint;
}

export interface PoolView {
  id: PoolId;
  aumUsd: bigint;
  lpSupply: bigint;
  lpPriceUsd: bigint;
  custodies: CustodyView[];
  exposures: ExposureView[];
  fees7dUsd: bigint;
}

export interface AccountView {
  owner: string;
  balances: Record<TokenId, bigint>;
  lp: Record<PoolId, bigint>;
  positions: PositionView[];
  orders: OrderView[];
  faucetAvailableAt: number | null;
}

export interface HistoryEventView {
  id: string;
  owner: string;
  kind: HistoryKind;
  market: MarketId | null;
  side: Side | null;
  at: number;
  sizeUsd: bigint | null;
  price: bigint | null;
  realizedPnlUsd: bigint | null;
  feesUsd: bigint | null;
  details: Record<string, string | number | null>;
  /** The transaction that did it (the indexer writes it on every row it records). */
  signature?: string;
  slot?: bigint;
}

export interface HealthView {
  ok: boolean;
  oracle: { mode: OracleModeName; stale: boolean };
  db: 'pglite' | 'postgres';
  devnet: boolean;
  nowS: number;
}
