/**
 * The model's position actions (lib/engine/actions/open-position.ts, settle.ts, keeper-settle.ts, collateral.ts,
 * tpsl.ts): open and increase, close, liquidation, TP/SL, collateral.
 */
import type { Address } from '@solana/kit';
import type { MarketId, Side } from '@/lib/math/ids';
import { MARKETS, TOKENS, lockToken, marketToken } from '@/lib/math/params';
import { checkCollateralToken, computeOpen, validateOpen } from '@/lib/math/open';
import { increasePosition } from '@/lib/math/increase';
import { liquidationPrice } from '@/lib/math/liquidation';
import { positionBorrowFeeUsd, type PositionState } from '@/lib/math/position';
import { positionMetrics } from '@/lib/math/position-view';
import { closePosition, validateClose } from '@/lib/math/close';
import { addCollateral as addCollateralMath, removeCollateral as removeCollateralMath } from '@/lib/math/collateral';
import { isStopLossHit, isTakeProfitHit, validateTpSl } from '@/lib/math/triggers';
import { addToAggregate, removeFromAggregate } from '@/lib/math/aggregates';
import { BPS } from '@/lib/math/scales';
import type { CloseReason, ProgramEvent } from '@/lib/chain/events';
import { positionKey } from './harness';
import type { Action } from './model';
import { applySwap, planSwap, type SwapPlan } from './model-pool';
import { aggregateKey, refuse, type Book, type ModelState, type PositionRecord, type Tx } from './model-state';

export function loadPosition(tx: Tx, positionOwner: Address, market: MarketId, side: Side, signer?: Address): PositionRecord {
  const p = tx.s.positions[positionKey(positionOwner, market, side)];
  if (!p) refuse('NOT_FOUND');
  if (signer !== undefined && p.owner !== signer) refuse('NOT_OWNER');
  tx.lockPool(MARKETS[market].pool);
  return p;
}

function setAggregate(tx: Tx, market: MarketId, side: Side, f: (agg: ModelState['aggregates'][string]) => ModelState['aggregates'][string]): void {
  const key = aggregateKey(market, side);
  tx.s.aggregates[key] = f(tx.s.aggregates[key]!);
}

export type OpenAction = Extract<Action, { kind: 'open' }>;

/** lib/engine/actions/open-position.ts planOpen + openPosition; `fromOrder`: a filled limit order (its escrow pays). */
export function open(tx: Tx, book: Book, a: OpenAction, fromOrder?: string): ProgramEvent {
  checkCollateralToken({ market: a.market, side: a.side, token: a.postedToken });
  if (a.amount <= 0n) refuse('AMOUNT_TOO_SMALL');
  const market = MARKETS[a.market];
  tx.lockPool(market.pool);
  tx.requireMarketOpen(a.market);
  const mark = tx.feedQuote(market.feed);
  const token = marketToken(a.market);
  let collateralToken = a.postedToken;
  let collateralAmount = a.amount;
  let swap: SwapPlan | undefined;
  if (market.pool === 'ALP' && a.side === 'long' && token !== undefined && collateralToken !== token) {
    swap = planSwap(tx, { pool: 'ALP', tokenIn: collateralToken, tokenOut: token, amountIn: collateralAmount, minAmountOut: 0n });
    collateralToken = token;
    collateralAmount = swap.amountOut;
  }
  const lock = lockToken(a.market, a.side);
  const opened = computeOpen({
    market: a.market,
    side: a.side,
    collateralAmount,
    collateralLow: tx.tokenQuote(collateralToken).low,
    collateralDecimals: TOKENS[collateralToken].decimals,
    leverageBps: a.leverageBps,
    price: mark.price,
    lockLow: tx.tokenQuote(lock).low,
    lockDecimals: TOKENS[lock].decimals,
  });
  const lockCustody = tx.custody(market.pool, lock);
  const swapOut = swap && swap.tokenOut === lock ? swap.amountOut : 0n;
  const key = positionKey(a.owner, a.market, a.side);
  const existing = tx.s.positions[key];
  validateOpen({
    market: a.market,
    side: a.side,
    leverageBps: a.leverageBps,
    collateralUsd: opened.collateralUsd,
    sizeUsd: opened.sizeUsd,
    entryPrice: opened.entryPrice,
    lockAmount: opened.lockAmount,
    acceptablePrice: a.acceptablePrice,
    freeLiquidity: lockCustody.owned - swapOut - lockCustody.locked,
    openInterestUsd: tx.s.aggregates[aggregateKey(a.market, a.side)]!.sizeUsd,
    existingSizeUsd: existing?.state.sizeUsd ?? 0n,
    marketOpen: true,
  });
  const cumulativeInterest = lockCustody.cumulativeInterest;
  const next: PositionState = existing
    ? increasePosition(existing.state, opened, { cumulativeInterest })
    : {
        side: a.side,
        sizeUsd: opened.sizeUsd,
        collateralUsd: opened.collateralUsd,
        collateralAmount: opened.collateralAmount,
        entryPrice: opened.entryPrice,
        lockAmount: opened.lockAmount,
        exitFeeUsd: opened.exitFeeUsd,
        liquidationFeeUsd: opened.liquidationFeeUsd,
        carriedInterestUsd: 0n,
        interestSnapshot: cumulativeInterest,
      };
  const liq = liquidationPrice({
    side: next.side,
    sizeUsd: next.sizeUsd,
    collateralUsd: next.collateralUsd,
    entryPrice: next.entryPrice,
    liquidationLeverageBps: market.liquidationLeverageBps,
    liquidationFeeUsd: next.liquidationFeeUsd,
    borrowFeeUsd: positionBorrowFeeUsd({ position: next, cumulativeInterest }),
  });
  const tp = a.takeProfit ?? existing?.takeProfit ?? null;
  const sl = a.stopLoss ?? existing?.stopLoss ?? null;
  if (a.takeProfit !== undefined || a.stopLoss !== undefined) {
    validateTpSl({ side: a.side, markPrice: mark.price, liquidationPrice: liq, takeProfit: a.takeProfit, stopLoss: a.stopLoss });
  }
  if (fromOrder === undefined) tx.debit(a.owner, a.postedToken, a.amount);
  if (swap) applySwap(tx, market.pool, swap);
  tx.touch(market.pool, lock).locked += opened.lockAmount;
  tx.touch(market.pool, collateralToken).collateral += opened.collateralAmount;
  if (existing) setAggregate(tx, a.market, a.side, (agg) => removeFromAggregate({ agg, position: existing.state }));
  setAggregate(tx, a.market, a.side, (agg) => addToAggregate({ agg, position: next }));
  tx.s.positions[key] = { owner: a.owner, market: a.market, state: next, takeProfit: tp, stopLoss: sl, openedAt: existing?.openedAt ?? tx.nowS, updatedAt: tx.nowS };
  const ad = book.addresses;
  return {
    kind: 'positionOpened',
    owner: a.owner,
    position: book.positions[key]!,
    market: ad.markets[a.market],
    side: a.side,
    increased: existing !== undefined,
    order: fromOrder === undefined ? null : book.orders[fromOrder]!,
    postedMint: ad.mints[a.postedToken],
    postedAmount: a.amount,
    swapFeeAmount: swap?.feeAmount ?? 0n,
    swapFeeUsd: swap?.feeUsd ?? 0n,
    collateralAmount: opened.collateralAmount,
    collateralUsd: opened.collateralUsd,
    sizeUsd: opened.sizeUsd,
    price: mark.price,
    openFeeUsd: opened.openFeeUsd,
    leverageBps: a.leverageBps,
    totalSizeUsd: next.sizeUsd,
    totalCollateralUsd: next.collateralUsd,
    totalCollateralAmount: next.collateralAmount,
    entryPrice: next.entryPrice,
    lockAmount: next.lockAmount,
    liquidationPrice: liq,
    takeProfit: tp,
    stopLoss: sl,
  };
}

/** lib/engine/actions/settle.ts settlePosition: a close, a triggered TP/SL or a liquidation. */
export function settle(tx: Tx, book: Book, position: PositionRecord, opts: { fractionBps: bigint; acceptablePrice?: bigint; reason: CloseReason }): ProgramEvent {
  const market = MARKETS[position.market];
  const side = position.state.side;
  tx.requireMarketOpen(position.market);
  const price = tx.feedQuote(market.feed).price;
  const token = lockToken(position.market, side);
  const lock = tx.touch(market.pool, token);
  const collateral = tx.touch(market.pool, token);
  const borrowFeeUsd = positionBorrowFeeUsd({ position: position.state, cumulativeInterest: lock.cumulativeInterest });
  const liquidation = opts.reason === 'liquidation';
  if (liquidation && !positionMetrics({ market: position.market, position: position.state, cumulativeInterest: lock.cumulativeInterest, price }).liquidatable) refuse('INVALID_TRIGGER');
  const result = closePosition({
    position: position.state,
    fractionBps: liquidation ? BPS : opts.fractionBps,
    price,
    payoutHigh: tx.tokenQuote(token).high,
    collateralDecimals: TOKENS[token].decimals,
    borrowFeeUsd,
    cumulativeInterest: lock.cumulativeInterest,
    feeKind: liquidation ? 'liquidation' : 'exit',
  });
  if (!liquidation) validateClose({ side, price, acceptablePrice: opts.acceptablePrice, remaining: result.remaining });
  collateral.collateral -= result.closedCollateralAmount;
  collateral.owned += result.ownedDelta;
  lock.locked -= result.releasedLockAmount;
  tx.credit(position.owner, token, result.payoutAmount);
  setAggregate(tx, position.market, side, (agg) => removeFromAggregate({ agg, position: position.state }));
  const key = positionKey(position.owner, position.market, side);
  if (result.remaining) {
    const rest = result.remaining;
    setAggregate(tx, position.market, side, (agg) => addToAggregate({ agg, position: rest }));
    tx.s.positions[key] = { ...position, state: rest, updatedAt: tx.nowS };
  } else {
    delete tx.s.positions[key];
  }
  const ad = book.addresses;
  return {
    kind: 'positionClosed',
    owner: position.owner,
    position: book.positions[key]!,
    market: ad.markets[position.market],
    side,
    reason: opts.reason,
    fractionBps: liquidation ? BPS : opts.fractionBps,
    price,
    entryPrice: position.state.entryPrice,
    closedSizeUsd: result.closedSizeUsd,
    closedCollateralUsd: result.closedCollateralUsd,
    pricePnlUsd: result.pricePnlUsd,
    feeUsd: result.feeUsd,
    borrowFeeUsd: result.borrowFeePaidUsd,
    payoutMint: ad.mints[token],
    payoutAmount: result.payoutAmount,
    payoutUsd: result.payoutUsd,
    realizedPnlUsd: result.realizedPnlUsd,
    remainingSizeUsd: result.remaining?.sizeUsd ?? 0n,
  };
}

/** lib/engine/actions/keeper-settle.ts keeperSettlePosition for a take profit or stop loss. */
export function executeTpSl(tx: Tx, book: Book, a: Extract<Action, { kind: 'executeTpSl' }>): ProgramEvent {
  const position = loadPosition(tx, a.positionOwner, a.market, a.side);
  const trigger = a.trigger === 'takeProfit' ? position.takeProfit : position.stopLoss;
  const price = tx.feedQuote(MARKETS[a.market].feed).price;
  const hit = trigger !== null && (a.trigger === 'takeProfit' ? isTakeProfitHit : isStopLossHit)({ side: a.side, price, trigger });
  if (!hit) refuse('INVALID_TRIGGER');
  return settle(tx, book, position, { fractionBps: BPS, reason: a.trigger });
}

function collateralEvent(book: Book, p: PositionRecord, added: boolean, amount: bigint, amountUsd: bigint, before: bigint, after: bigint): ProgramEvent {
  const key = positionKey(p.owner, p.market, p.state.side);
  return { kind: 'collateralChanged', owner: p.owner, position: book.positions[key]!, market: book.addresses.markets[p.market], side: p.state.side, added, amount, amountUsd, collateralUsdBefore: before, collateralUsdAfter: after };
}

/** lib/engine/actions/collateral.ts addCollateral. */
export function addCollateral(tx: Tx, book: Book, a: Extract<Action, { kind: 'addCollateral' }>): ProgramEvent {
  const p = loadPosition(tx, a.positionOwner, a.market, a.side, a.owner);
  const pool = MARKETS[a.market].pool;
  const token = lockToken(a.market, a.side);
  const { position: next, addedUsd } = addCollateralMath({ position: p.state, amount: a.amount, low: tx.tokenQuote(token).low, decimals: TOKENS[token].decimals });
  tx.debit(a.owner, token, a.amount);
  tx.touch(pool, token).collateral += a.amount;
  tx.s.positions[positionKey(p.owner, p.market, a.side)] = { ...p, state: next, updatedAt: tx.nowS };
  return collateralEvent(book, p, true, a.amount, addedUsd, p.state.collateralUsd, next.collateralUsd);
}

/** lib/engine/actions/collateral.ts removeCollateral. */
export function removeCollateral(tx: Tx, book: Book, a: Extract<Action, { kind: 'removeCollateral' }>): ProgramEvent {
  const p = loadPosition(tx, a.positionOwner, a.market, a.side, a.owner);
  const market = MARKETS[a.market];
  const token = lockToken(a.market, a.side);
  tx.requireMarketOpen(a.market);
  const price = tx.feedQuote(market.feed).price;
  const marks = positionMetrics({ market: a.market, position: p.state, cumulativeInterest: tx.custody(market.pool, token).cumulativeInterest, price });
  const { position: next, amountOut } = removeCollateralMath({
    position: p.state,
    amountUsd: a.amountUsd,
    high: tx.tokenQuote(token).high,
    decimals: TOKENS[token].decimals,
    pricePnlUsd: marks.pricePnlUsd,
    borrowFeeUsd: marks.borrowFeeUsd,
    maxInitialLeverageBps: market.maxInitialLeverageBps,
  });
  tx.touch(market.pool, token).collateral -= amountOut;
  tx.credit(a.owner, token, amountOut);
  tx.s.positions[positionKey(p.owner, p.market, a.side)] = { ...p, state: next, updatedAt: tx.nowS };
  return collateralEvent(book, p, false, amountOut, a.amountUsd, p.state.collateralUsd, next.collateralUsd);
}

/** lib/engine/actions/tpsl.ts setTpSl. */
export function setTpSl(tx: Tx, book: Book, a: Extract<Action, { kind: 'setTpSl' }>): ProgramEvent {
  const p = loadPosition(tx, a.positionOwner, a.market, a.side, a.owner);
  const market = MARKETS[a.market];
  const price = tx.feedQuote(market.feed).price;
  const marks = positionMetrics({ market: a.market, position: p.state, cumulativeInterest: tx.custody(market.pool, lockToken(a.market, a.side)).cumulativeInterest, price });
  validateTpSl({ side: a.side, markPrice: price, liquidationPrice: marks.liquidationPrice, takeProfit: a.takeProfit ?? undefined, stopLoss: a.stopLoss ?? undefined });
  const key = positionKey(p.owner, p.market, a.side);
  tx.s.positions[key] = { ...p, takeProfit: a.takeProfit, stopLoss: a.stopLoss, updatedAt: tx.nowS };
  return { kind: 'tpSlSet', owner: p.owner, position: book.positions[key]!, market: book.addresses.markets[a.market], side: a.side, takeProfit: a.takeProfit, stopLoss: a.stopLoss };
}

/** lib/engine/actions/index.ts closePosition: the fraction, the position, then settlePosition. */
export function close(tx: Tx, book: Book, a: Extract<Action, { kind: 'close' }>): ProgramEvent {
  if (a.fractionBps <= 0n || a.fractionBps > BPS) refuse('INVALID_AMOUNT');
  const p = loadPosition(tx, a.positionOwner, a.market, a.side, a.owner);
  return settle(tx, book, p, { fractionBps: a.fractionBps, acceptablePrice: a.acceptablePrice, reason: 'close' });
}

/** A keeper's liquidation (keeper-settle.ts): settlePosition refuses what is not liquidatable at the price. */
export function liquidate(tx: Tx, book: Book, a: Extract<Action, { kind: 'liquidate' }>): ProgramEvent {
  return settle(tx, book, loadPosition(tx, a.positionOwner, a.market, a.side), { fractionBps: BPS, reason: 'liquidation' });
}
