/**
 * The program's events (program/src/events.rs): one "Program data: <base64>" log line per state change, `kind u8`
 * then the fields little-endian in order. What the indexer stores as history.
 */
import type { Address } from '@solana/kit';
import type { Side } from '@/lib/math/ids';
import { Reader } from './bytes';
import { sideOf } from './accounts/position';

export type CloseReason = 'close' | 'takeProfit' | 'stopLoss' | 'liquidation';
const REASONS: readonly CloseReason[] = ['close', 'takeProfit', 'stopLoss', 'liquidation'];
const ZERO = '11111111111111111111111111111111';

export interface PositionOpenedEvent {
  kind: 'positionOpened';
  owner: Address;
  position: Address;
  market: Address;
  side: Side;
  increased: boolean;
  /** The order this fill came from (null for an open). */
  order: Address | null;
  postedMint: Address;
  postedAmount: bigint;
  swapFeeAmount: bigint;
  swapFeeUsd: bigint;
  collateralAmount: bigint;
  collateralUsd: bigint;
  sizeUsd: bigint;
  price: bigint;
  openFeeUsd: bigint;
  leverageBps: bigint;
  totalSizeUsd: bigint;
  totalCollateralUsd: bigint;
  totalCollateralAmount: bigint;
  entryPrice: bigint;
  lockAmount: bigint;
  liquidationPrice: bigint;
  takeProfit: bigint | null;
  stopLoss: bigint | null;
}

export interface PositionClosedEvent {
  kind: 'positionClosed';
  owner: Address;
  position: Address;
  market: Address;
  side: Side;
  reason: CloseReason;
  fractionBps: bigint;
  price: bigint;
  entryPrice: bigint;
  closedSizeUsd: bigint;
  closedCollateralUsd: bigint;
  pricePnlUsd: bigint;
  feeUsd: bigint;
  borrowFeeUsd: bigint;
  payoutMint: Address;
  payoutAmount: bigint;
  payoutUsd: bigint;
  realizedPnlUsd: bigint;
  remainingSizeUsd: bigint;
}

export interface CollateralChangedEvent {
  kind: 'collateralChanged';
  owner: Address;
  position: Address;
  market: Address;
  side: Side;
  added: boolean;
  amount: bigint;
  amountUsd: bigint;
  collateralUsdBefore: bigint;
  collateralUsdAfter: bigint;
}

export interface TpSlSetEvent {
  kind: 'tpSlSet';
  owner: Address;
  position: Address;
  market: Address;
  side: Side;
  takeProfit: bigint | null;
  stopLoss: bigint | null;
}

export interface OrderPlacedEvent {
  kind: 'orderPlaced';
  owner: Address;
  order: Address;
  market: Address;
  side: Side;
  slot: number;
  mint: Address;
  amount: bigint;
  leverageBps: bigint;
  triggerPrice: bigint;
  acceptablePrice: bigint | null;
  takeProfit: bigint | null;
  stopLoss: bigint | null;
}

export interface OrderCancelledEvent {
  kind: 'orderCancelled';
  owner: Address;
  order: Address;
  market: Address;
  side: Side;
  amount: bigint;
  triggerPrice: bigint;
}

export interface LiquidityEvent {
  kind: 'liquidityAdded' | 'liquidityRemoved';
  owner: Address;
  pool: Address;
  custody: Address;
  /** Added: tokens in; removed: LP tokens burnt. */
  amountIn: bigint;
  /** Added: LP minted; removed: tokens out. */
  amountOut: bigint;
  feeAmount: bigint;
  feeUsd: bigint;
  valueUsd: bigint;
  aumUsd: bigint;
  supplyAfter: bigint;
}

export interface SwappedEvent {
  kind: 'swapped';
  owner: Address;
  pool: Address;
  custodyIn: Address;
  custodyOut: Address;
  amountIn: bigint;
  amountOut: bigint;
  feeAmount: bigint;
  feeUsd: bigint;
}

export interface PricesUpdatedEvent {
  kind: 'pricesUpdated';
  updates: { account: Address; price: bigint; publishTime: bigint }[];
}

export type ProgramEvent =
  | PositionOpenedEvent
  | PositionClosedEvent
  | CollateralChangedEvent
  | TpSlSetEvent
  | OrderPlacedEvent
  | OrderCancelledEvent
  | LiquidityEvent
  | SwappedEvent
  | PricesUpdatedEvent;

/** Sequential reading of one event's fields. */
class Cursor {
  private at = 1;
  constructor(private readonly r: Reader) {}
  key(): Address {
    const v = this.r.address(this.at);
    this.at += 32;
    return v;
  }
  u8(): number {
    return this.r.u8(this.at++);
  }
  u64(): bigint {
    const v = this.r.u64(this.at);
    this.at += 8;
    return v;
  }
  i64(): bigint {
    const v = this.r.i64(this.at);
    this.at += 8;
    return v;
  }
  opt(): bigint | null {
    const v = this.u64();
    return v === 0n ? null : v;
  }
  side(): Side {
    return sideOf(this.u8());
  }
}

function opened(c: Cursor): PositionOpenedEvent {
  const head = { owner: c.key(), position: c.key(), market: c.key(), side: c.side(), increased: c.u8() === 1 };
  const order = c.key();
  return {
    kind: 'positionOpened',
    ...head,
    order: order === ZERO ? null : order,
    postedMint: c.key(),
    postedAmount: c.u64(),
    swapFeeAmount: c.u64(),
    swapFeeUsd: c.u64(),
    collateralAmount: c.u64(),
    collateralUsd: c.u64(),
    sizeUsd: c.u64(),
    price: c.u64(),
    openFeeUsd: c.u64(),
    leverageBps: c.u64(),
    totalSizeUsd: c.u64(),
    totalCollateralUsd: c.u64(),
    totalCollateralAmount: c.u64(),
    entryPrice: c.u64(),
    lockAmount: c.u64(),
    liquidationPrice: c.u64(),
    takeProfit: c.opt(),
    stopLoss: c.opt(),
  };
}

function closed(c: Cursor): PositionClosedEvent {
  return {
    kind: 'positionClosed',
    owner: c.key(),
    position: c.key(),
    market: c.key(),
    side: c.side(),
    reason: REASONS[c.u8()] ?? 'close',
    fractionBps: c.u64(),
    price: c.u64(),
    entryPrice: c.u64(),
    closedSizeUsd: c.u64(),
    closedCollateralUsd: c.u64(),
    pricePnlUsd: c.i64(),
    feeUsd: c.u64(),
    borrowFeeUsd: c.u64(),
    payoutMint: c.key(),
    payoutAmount: c.u64(),
    payoutUsd: c.u64(),
    realizedPnlUsd: c.i64(),
    remainingSizeUsd: c.u64(),
  };
}

function liquidity(c: Cursor, kind: LiquidityEvent['kind']): LiquidityEvent {
  const head = { owner: c.key(), pool: c.key(), custody: c.key() };
  if (kind === 'liquidityAdded') {
    const amountIn = c.u64();
    const feeAmount = c.u64();
    const feeUsd = c.u64();
    const valueUsd = c.u64();
    return { kind, ...head, amountIn, feeAmount, feeUsd, valueUsd, amountOut: c.u64(), aumUsd: c.u64(), supplyAfter: c.u64() };
  }
  const amountIn = c.u64();
  const amountOut = c.u64();
  return { kind, ...head, amountIn, amountOut, feeAmount: c.u64(), feeUsd: c.u64(), valueUsd: c.u64(), aumUsd: c.u64(), supplyAfter: c.u64() };
}

/** Decodes one event's bytes; undefined for an unknown kind. */
export function decodeEvent(data: Uint8Array): ProgramEvent | undefined {
  const c = new Cursor(new Reader(data));
  switch (data[0]) {
    case 1:
      return opened(c);
    case 2:
      return closed(c);
    case 3:
      return { kind: 'collateralChanged', owner: c.key(), position: c.key(), market: c.key(), side: c.side(), added: c.u8() === 1, amount: c.u64(), amountUsd: c.u64(), collateralUsdBefore: c.u64(), collateralUsdAfter: c.u64() };
    case 4:
      return { kind: 'tpSlSet', owner: c.key(), position: c.key(), market: c.key(), side: c.side(), takeProfit: c.opt(), stopLoss: c.opt() };
    case 5:
      return {
        kind: 'orderPlaced',
        owner: c.key(),
        order: c.key(),
        market: c.key(),
        side: c.side(),
        slot: c.u8(),
        mint: c.key(),
        amount: c.u64(),
        leverageBps: c.u64(),
        triggerPrice: c.u64(),
        acceptablePrice: c.opt(),
        takeProfit: c.opt(),
        stopLoss: c.opt(),
      };
    case 6:
      return { kind: 'orderCancelled', owner: c.key(), order: c.key(), market: c.key(), side: c.side(), amount: c.u64(), triggerPrice: c.u64() };
    case 7:
      return liquidity(c, 'liquidityAdded');
    case 8:
      return liquidity(c, 'liquidityRemoved');
    case 9:
      return { kind: 'swapped', owner: c.key(), pool: c.key(), custodyIn: c.key(), custodyOut: c.key(), amountIn: c.u64(), amountOut: c.u64(), feeAmount: c.u64(), feeUsd: c.u64() };
    case 10: {
      const n = c.u8();
      return { kind: 'pricesUpdated', updates: Array.from({ length: n }, () => ({ account: c.key(), price: c.u64(), publishTime: c.i64() })) };
    }
    default:
      return undefined;
  }
}

/**
 * The events of a transaction's logs: the "Program data:" lines our program wrote. Lines are attributed by the
 * invoke depth (`Program <id> invoke [n]` / `success`), so another program's data lines are never read as ours.
 */
export function decodeEventLogs(logs: readonly string[], programId?: Address): ProgramEvent[] {
  const events: ProgramEvent[] = [];
  const stack: string[] = [];
  for (const line of logs) {
    const invoke = /^Program (\w+) invoke \[\d+\]$/.exec(line);
    if (invoke?.[1]) {
      stack.push(invoke[1]);
      continue;
    }
    if (/^Program \w+ (success|failed)/.test(line)) {
      stack.pop();
      continue;
    }
    const data = /^Program data: (.+)$/.exec(line);
    if (!data?.[1]) continue;
    if (programId && stack.at(-1) !== programId) continue;
    const bytes = Buffer.from(data[1].split(' ')[0] ?? '', 'base64');
    const event = decodeEvent(new Uint8Array(bytes));
    if (event) events.push(event);
  }
  return events;
}
