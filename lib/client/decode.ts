/**
 * Wire → app conversions: every decimal string becomes a `bigint`. A malformed number throws `ApiError`
 * (`BAD_RESPONSE`) instead of producing a wrong figure.
 */
import { ApiError } from '@/lib/client/api-error';
import type {
  AccountWire,
  CandleWire,
  CustodyWire,
  HealthWire,
  HistoryEventWire,
  MarketWire,
  OpenQuoteWire,
  OrderWire,
  PoolWire,
  PositionWire,
} from '@/lib/client/wire';
import type { Account, Candle, Custody, Health, HistoryEvent, Market, OpenQuote, Order, Pool, Position } from '@/lib/client/types';
import { POOL_IDS, TOKEN_IDS } from '@/lib/math/ids';
import type { PoolId, TokenId } from '@/lib/math/ids';

const INTEGER = /^-?\d{1,78}$/;

/** A decimal string of an integer → bigint; throws `BAD_RESPONSE` on anything else. */
export function big(value: unknown, field = 'value'): bigint {
  if (typeof value === 'string' && INTEGER.test(value)) return BigInt(value);
  throw new ApiError({ status: 0, code: 'BAD_RESPONSE', message: `The server sent an unreadable ${field}.` });
}

/** Optional decimal string: `null`/`undefined` → `undefined`. */
export function optBig(value: unknown, field = 'value'): bigint | undefined {
  return value === null || value === undefined ? undefined : big(value, field);
}

export function decodeHealth(w: HealthWire, { devDefault }: { devDefault: boolean }): Health {
  return { ok: w.ok, oracle: w.oracle, db: w.db, devnet: w.devnet ?? devDefault };
}

export function decodeMarket(w: MarketWire): Market {
  return {
    id: w.id,
    pool: w.pool,
    price: big(w.price, 'price'),
    low: big(w.low, 'low'),
    high: big(w.high, 'high'),
    publishTime: w.publishTime,
    maxInitialLeverageBps: big(w.maxInitialLeverageBps),
    liquidationLeverageBps: big(w.liquidationLeverageBps),
    closeFeeBps: big(w.closeFeeBps),
    liquidationFeeBps: big(w.liquidationFeeBps),
    maxPositionUsd: big(w.maxPositionUsd),
    openInterestLongUsd: big(w.openInterestLongUsd),
    openInterestShortUsd: big(w.openInterestShortUsd),
    borrowRateLongHourly: big(w.borrowRateLongHourly),
    borrowRateShortHourly: big(w.borrowRateShortHourly),
    open: w.open,
    openInterestCapUsd: optBig(w.openInterestCapUsd),
    availableLiquidityLongUsd: optBig(w.availableLiquidityLongUsd),
    availableLiquidityShortUsd: optBig(w.availableLiquidityShortUsd),
    reopensAt: w.reopensAt ?? undefined,
    stale: w.stale ?? false,
    price24hAgo: optBig(w.price24hAgo),
  };
}

export function decodeCustody(w: CustodyWire): Custody {
  return {
    token: w.token,
    decimals: w.decimals,
    owned: big(w.owned),
    locked: big(w.locked),
    utilizationBps: big(w.utilizationBps),
    borrowRateHourly: big(w.borrowRateHourly),
    ratioBps: big(w.ratioBps),
    targetBps: big(w.targetBps),
    minBps: big(w.minBps),
    maxBps: big(w.maxBps),
    addFeeBps: big(w.addFeeBps),
    removeFeeBps: big(w.removeFeeBps),
    price: optBig(w.price),
    low: optBig(w.low),
    high: optBig(w.high),
  };
}

export function decodePool(w: PoolWire): Pool {
  return {
    id: w.id,
    aumUsd: big(w.aumUsd),
    lpSupply: big(w.lpSupply),
    lpPriceUsd: big(w.lpPriceUsd),
    custodies: w.custodies.map(decodeCustody),
    exposures: w.exposures?.map((e) => ({
      market: e.market,
      side: e.side,
      sizeUsd: big(e.sizeUsd),
      avgEntryPrice: big(e.avgEntryPrice),
      pricePnlUsd: big(e.pricePnlUsd),
    })),
    fees7dUsd: optBig(w.fees7dUsd),
  };
}

export function decodePosition(w: PositionWire): Position {
  return {
    id: w.id,
    owner: w.owner,
    market: w.market,
    side: w.side,
    sizeUsd: big(w.sizeUsd),
    collateralUsd: big(w.collateralUsd),
    collateralToken: w.collateralToken,
    collateralAmount: big(w.collateralAmount),
    entryPrice: big(w.entryPrice),
    liquidationPrice: big(w.liquidationPrice),
    exitFeeUsd: big(w.exitFeeUsd),
    liquidationFeeUsd: big(w.liquidationFeeUsd),
    borrowFeeUsd: big(w.borrowFeeUsd),
    pricePnlUsd: big(w.pricePnlUsd),
    netPnlUsd: big(w.netPnlUsd),
    leverageBps: optBig(w.leverageBps),
    lockAmount: big(w.lockAmount),
    takeProfit: optBig(w.takeProfit),
    stopLoss: optBig(w.stopLoss),
    openedAt: w.openedAt,
  };
}

export function decodeOrder(w: OrderWire): Order {
  return {
    id: w.id,
    owner: w.owner,
    market: w.market,
    side: w.side,
    collateralToken: w.collateralToken,
    collateralAmount: big(w.collateralAmount),
    leverageBps: big(w.leverageBps),
    triggerPrice: big(w.triggerPrice),
    takeProfit: optBig(w.takeProfit),
    stopLoss: optBig(w.stopLoss),
    createdAt: w.createdAt,
  };
}

function decodeRecord<K extends string>(keys: readonly K[], w: Partial<Record<K, string>> | undefined): Record<K, bigint> {
  const out = {} as Record<K, bigint>;
  for (const k of keys) out[k] = optBig(w?.[k], k) ?? 0n;
  return out;
}

/**
 * Native lamports kept back for fees and the rent of accounts a transaction may create (0.02 SOL): what the
 * transaction builder leaves when it wraps native SOL for an action that posts SOL.
 */
export const SOL_FEE_RESERVE_LAMPORTS = 20_000_000n;

/**
 * The account as the screens use it. `balances.SOL` is what the wallet can post: its wrapped SOL plus the native
 * SOL beyond the fee reserve (the builder wraps it in the same transaction; the faucet gives native SOL).
 */
export function decodeAccount(w: AccountWire): Account {
  const balances = decodeRecord<TokenId>(TOKEN_IDS, w.balances);
  const native = w.sol !== undefined ? big(w.sol, 'sol') : 0n;
  balances.SOL += native > SOL_FEE_RESERVE_LAMPORTS ? native - SOL_FEE_RESERVE_LAMPORTS : 0n;
  return {
    owner: w.owner,
    balances,
    lp: decodeRecord<PoolId>(POOL_IDS, w.lp),
    positions: w.positions.map(decodePosition),
    orders: w.orders.map(decodeOrder),
    faucetAvailableAt: w.faucetAvailableAt ?? undefined,
    solLamports: native,
  };
}

export function decodeHistoryEvent(w: HistoryEventWire): HistoryEvent {
  return {
    id: w.id,
    owner: w.owner,
    kind: w.kind,
    market: w.market ?? undefined,
    side: w.side ?? undefined,
    at: w.at,
    sizeUsd: optBig(w.sizeUsd),
    price: optBig(w.price),
    realizedPnlUsd: optBig(w.realizedPnlUsd),
    feesUsd: optBig(w.feesUsd),
    details: w.details ?? {},
    ...(w.signature ? { signature: w.signature } : {}),
    ...(w.slot !== undefined ? { slot: big(w.slot, 'slot') } : {}),
  };
}

export function decodeCandle(w: CandleWire): Candle {
  return { time: w.time, open: big(w.open), high: big(w.high), low: big(w.low), close: big(w.close) };
}

export function decodeOpenQuote(w: OpenQuoteWire): OpenQuote {
  return {
    collateralUsd: big(w.collateralUsd),
    sizeUsd: big(w.sizeUsd),
    entryPrice: big(w.entryPrice),
    liquidationPrice: big(w.liquidationPrice),
    openFeeUsd: big(w.openFeeUsd),
    exitFeeUsd: big(w.exitFeeUsd),
    liquidationFeeUsd: big(w.liquidationFeeUsd),
    borrowRateHourly: big(w.borrowRateHourly),
    lockAmount: big(w.lockAmount),
  };
}
