/**
 * The model's limit orders (lib/engine/actions/orders.ts, with the placement checks as
 * program/src/instructions/place_order.rs and order_checks.rs implement them): place, cancel, fill.
 */
import type { MarketId, Side, TokenId } from '@/lib/math/ids';
import { FEED_BAND_BPS, MARKETS, PROTOCOL, TOKENS, lockToken } from '@/lib/math/params';
import { priceBand } from '@/lib/math/oracle-band';
import { divCeil, mulDivFloor } from '@/lib/math/bigmath';
import { checkCollateralToken } from '@/lib/math/open';
import { isLimitOrderHit, validateLimitTrigger } from '@/lib/math/triggers';
import { swapFeeBps } from '@/lib/math/swap';
import { tokenToUsd } from '@/lib/math/convert';
import { BPS, PRICE_ONE } from '@/lib/math/scales';
import type { ProgramEvent } from '@/lib/chain/events';
import { ORDER_SLOTS, orderKey } from './harness';
import type { Action } from './model';
import { open, type OpenAction } from './model-trade';
import { refuse, refuseChain, type Book, type Tx } from './model-state';

/**
 * The placement rule beyond lib/math's validateLimitTrigger (program/src/math/triggers.rs): a long's trigger
 * at or below the mark and at least mark / 100, a short's at or above it and at most 100 × the mark (so that every
 * order placed can fill). Refused with INVALID_TRIGGER.
 */
function checkTriggerSide(side: Side, mark: bigint, trigger: bigint): void {
  const ok = side === 'long' ? trigger <= mark && trigger >= mark / 100n : trigger >= mark && trigger / 100n <= mark;
  if (!ok) refuse('INVALID_TRIGGER');
}

/**
 * The most an order's collateral can be worth at any fill (program/src/instructions/order_checks.rs, the issue's
 * "an order that can never fill cannot be placed"): USDC for its own lock at $1; USDC swapped for an ALP long after
 * the swap fee and the market token's band (`out × low ≤ (in − fee) × (1 − band) / (1 + band)`); the market token
 * of a long at the low of its trigger (it fills at or below it); any other token at its low now.
 */
function bestFillCollateralUsd(o: { market: MarketId; side: Side; postedToken: TokenId; amount: bigint; triggerPrice: bigint }, lowNow: bigint): bigint {
  const lock = lockToken(o.market, o.side);
  if (o.postedToken === 'USDC') {
    const usd = tokenToUsd({ amount: o.amount, price: PRICE_ONE, decimals: TOKENS.USDC.decimals }, 'floor');
    if (lock === 'USDC') return usd;
    const fee = divCeil(o.amount * swapFeeBps('USDC', lock), BPS);
    const net = tokenToUsd({ amount: o.amount - fee, price: PRICE_ONE, decimals: TOKENS.USDC.decimals }, 'floor');
    const band = FEED_BAND_BPS[TOKENS[lock].feed];
    return mulDivFloor(net, BPS - band, BPS + band);
  }
  const sameFeed = TOKENS[o.postedToken].feed === MARKETS[o.market].feed;
  const low = sameFeed && o.side === 'long' ? priceBand({ price: o.triggerPrice, bandBps: FEED_BAND_BPS[TOKENS[o.postedToken].feed] }).low : lowNow;
  return tokenToUsd({ amount: o.amount, price: low, decimals: TOKENS[o.postedToken].decimals }, 'floor');
}

/**
 * PlaceLimitOrder (program/src/instructions/place_order.rs; the engine's placeLimitOrder plus the checks at
 * placement): trigger > 0, collateral token, amount, leverage range, the slot (one of 16, free), the trigger on the
 * waiting side of the mark, collateral that can be worth $10 at some fill, and USDC for its own lock not over the
 * maximum position at any price; then the escrow takes the collateral.
 */
export function placeOrder(tx: Tx, book: Book, a: Extract<Action, { kind: 'placeOrder' }>): ProgramEvent {
  validateLimitTrigger({ trigger: a.triggerPrice });
  checkCollateralToken({ market: a.market, side: a.side, token: a.postedToken });
  if (a.amount <= 0n) refuse('AMOUNT_TOO_SMALL');
  const m = MARKETS[a.market];
  if (a.leverageBps < PROTOCOL.minLeverageBps) refuse('LEVERAGE_TOO_LOW');
  if (a.leverageBps > m.maxInitialLeverageBps) refuse('LEVERAGE_TOO_HIGH');
  if (a.slot >= ORDER_SLOTS) refuse('TOO_MANY_ORDERS');
  const key = orderKey(a.owner, a.slot);
  if (tx.s.orders[key]) refuseChain('ORDER_SLOT_TAKEN');
  checkTriggerSide(a.side, tx.feedQuote(m.feed).price, a.triggerPrice);
  const best = bestFillCollateralUsd(a, tx.tokenQuote(a.postedToken).low);
  if (best < PROTOCOL.minCollateralUsd) refuse('COLLATERAL_TOO_SMALL');
  if (a.postedToken === 'USDC' && lockToken(a.market, a.side) === 'USDC' && (best * a.leverageBps) / BPS > m.maxPositionUsd) refuse('POSITION_TOO_LARGE');
  tx.debit(a.owner, a.postedToken, a.amount);
  tx.s.orders[key] = {
    owner: a.owner,
    market: a.market,
    side: a.side,
    postedToken: a.postedToken,
    slot: a.slot,
    collateralAmount: a.amount,
    leverageBps: a.leverageBps,
    triggerPrice: a.triggerPrice,
    acceptablePrice: a.acceptablePrice ?? null,
    takeProfit: a.takeProfit ?? null,
    stopLoss: a.stopLoss ?? null,
    createdAt: tx.nowS,
  };
  return {
    kind: 'orderPlaced',
    owner: a.owner,
    order: book.orders[key]!,
    market: book.addresses.markets[a.market],
    side: a.side,
    slot: a.slot,
    mint: book.addresses.mints[a.postedToken],
    amount: a.amount,
    leverageBps: a.leverageBps,
    triggerPrice: a.triggerPrice,
    acceptablePrice: a.acceptablePrice ?? null,
    takeProfit: a.takeProfit ?? null,
    stopLoss: a.stopLoss ?? null,
  };
}

/** lib/engine/actions/orders.ts cancelOrder: the escrow back to the owner. */
export function cancelOrder(tx: Tx, book: Book, a: Extract<Action, { kind: 'cancelOrder' }>): ProgramEvent {
  const key = orderKey(a.orderOwner, a.slot);
  const o = tx.s.orders[key];
  if (!o) refuse('NOT_FOUND');
  if (o.owner !== a.owner) refuse('NOT_OWNER');
  delete tx.s.orders[key];
  tx.credit(o.owner, o.postedToken, o.collateralAmount);
  return { kind: 'orderCancelled', owner: o.owner, order: book.orders[key]!, market: book.addresses.markets[o.market], side: o.side, amount: o.collateralAmount, triggerPrice: o.triggerPrice };
}

/** lib/engine/actions/orders.ts fillOrder: triggered at the current mid, then an open paid from the escrow. */
export function fillOrder(tx: Tx, book: Book, a: Extract<Action, { kind: 'fillOrder' }>): ProgramEvent {
  const key = orderKey(a.orderOwner, a.slot);
  const o = tx.s.orders[key];
  if (!o) refuse('NOT_FOUND');
  const price = tx.feedQuote(MARKETS[o.market].feed).price;
  if (!isLimitOrderHit({ side: o.side, price, trigger: o.triggerPrice })) refuse('INVALID_TRIGGER');
  delete tx.s.orders[key];
  const open_: OpenAction = { kind: 'open', owner: o.owner, market: o.market, side: o.side, postedToken: o.postedToken, amount: o.collateralAmount, leverageBps: o.leverageBps };
  if (o.acceptablePrice !== null) open_.acceptablePrice = o.acceptablePrice;
  if (o.takeProfit !== null) open_.takeProfit = o.takeProfit;
  if (o.stopLoss !== null) open_.stopLoss = o.stopLoss;
  return open(tx, book, open_, key);
}

