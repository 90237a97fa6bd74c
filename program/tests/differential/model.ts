/**
 * The reference model: one function per action, applying it exactly as the engine does (lib/engine/actions/*.ts:
 * the same checks in the same order, the same custodies touched), with lib/math's formulas only. `applyAction`
 * returns the next state and the expected outcome: the refusal's code, or the events the program must emit.
 */
import type { Address } from '@solana/kit';
import { FEED_IDS, type FeedId, type MarketId, type PoolId, type Side, type TokenId } from '@/lib/math/ids';
import { FEED_BAND_BPS, MARKETS, POOLS, PROTOCOL, TOKENS, custodyParams, lockToken, marketToken } from '@/lib/math/params';
import { priceBand } from '@/lib/math/oracle-band';
import { divCeil, mulDivFloor } from '@/lib/math/bigmath';
import { checkCollateralToken, computeOpen, validateOpen } from '@/lib/math/open';
import { increasePosition } from '@/lib/math/increase';
import { liquidationPrice } from '@/lib/math/liquidation';
import { positionBorrowFeeUsd, type PositionState } from '@/lib/math/position';
import { positionMetrics } from '@/lib/math/position-view';
import { closePosition, validateClose } from '@/lib/math/close';
import { addCollateral as addCollateralMath, removeCollateral as removeCollateralMath } from '@/lib/math/collateral';
import { isLimitOrderHit, isStopLossHit, isTakeProfitHit, validateLimitTrigger, validateTpSl } from '@/lib/math/triggers';
import { addToAggregate, removeFromAggregate } from '@/lib/math/aggregates';
import { aumUsd, type AumSide } from '@/lib/math/aum';
import { addLiquidityQuote, checkFreeLiquidity, checkMinOut, lpPriceUsd, removeLiquidityQuote } from '@/lib/math/liquidity';
import { swapFeeBps, swapQuote } from '@/lib/math/swap';
import { checkRatioRule, custodyRatiosBps } from '@/lib/math/ratio';
import { tokenToUsd } from '@/lib/math/convert';
import { isProtocolError } from '@/lib/math/errors';
import { BPS, PRICE_ONE } from '@/lib/math/scales';
import type { ProgramEvent, CloseReason } from '@/lib/chain/events';
import { custodyOf } from '@/lib/chain/addresses';
import { ORDER_SLOTS, orderKey, positionKey } from './harness';
import { ChainRefusal, Tx, aggregateKey, refuse, refuseChain, type Book, type ModelState, type PositionRecord } from './model-state';

export type Action =
  | { kind: 'open'; owner: Address; market: MarketId; side: Side; postedToken: TokenId; amount: bigint; leverageBps: bigint; acceptablePrice?: bigint; takeProfit?: bigint; stopLoss?: bigint }
  | { kind: 'close'; owner: Address; positionOwner: Address; market: MarketId; side: Side; fractionBps: bigint; acceptablePrice?: bigint }
  | { kind: 'addCollateral'; owner: Address; positionOwner: Address; market: MarketId; side: Side; amount: bigint }
  | { kind: 'removeCollateral'; owner: Address; positionOwner: Address; market: MarketId; side: Side; amountUsd: bigint }
  | { kind: 'setTpSl'; owner: Address; positionOwner: Address; market: MarketId; side: Side; takeProfit: bigint | null; stopLoss: bigint | null }
  | { kind: 'liquidate'; positionOwner: Address; market: MarketId; side: Side }
  | { kind: 'executeTpSl'; positionOwner: Address; market: MarketId; side: Side; trigger: 'takeProfit' | 'stopLoss' }
  | { kind: 'addLiquidity'; owner: Address; pool: PoolId; token: TokenId; amount: bigint; minLpOut: bigint }
  | { kind: 'removeLiquidity'; owner: Address; pool: PoolId; token: TokenId; lpAmount: bigint; minAmountOut: bigint }
  | { kind: 'swap'; owner: Address; pool: PoolId; tokenIn: TokenId; tokenOut: TokenId; amountIn: bigint; minAmountOut: bigint }
  | { kind: 'placeOrder'; owner: Address; market: MarketId; side: Side; postedToken: TokenId; slot: number; amount: bigint; leverageBps: bigint; triggerPrice: bigint; acceptablePrice?: bigint; takeProfit?: bigint; stopLoss?: bigint }
  | { kind: 'cancelOrder'; owner: Address; orderOwner: Address; slot: number }
  | { kind: 'fillOrder'; orderOwner: Address; slot: number }
  | { kind: 'setPrices'; prices: Partial<Record<FeedId, bigint>> }
  | { kind: 'advance'; seconds: bigint };

export type Outcome = { ok: true; events: ProgramEvent[] } | { ok: false; code: string };


/** Applies `action` to a copy of `state`: the next state (unchanged on a refusal) and the expected outcome. */
export function applyAction(state: ModelState, book: Book, action: Action): { next: ModelState; outcome: Outcome } {
  const s = structuredClone(state);
  const tx = new Tx(s);
  try {
    const events = run(tx, book, action);
    tx.commit();
    return { next: s, outcome: { ok: true, events } };
  } catch (e) {
    if (isProtocolError(e)) return { next: state, outcome: { ok: false, code: e.code } };
    if (e instanceof ChainRefusal) return { next: state, outcome: { ok: false, code: e.code } };
    throw e;
  }
}

function run(tx: Tx, book: Book, a: Action): ProgramEvent[] {
  switch (a.kind) {
    case 'open':
      return [open(tx, book, a)];
    case 'close': {
      if (a.fractionBps <= 0n || a.fractionBps > BPS) refuse('INVALID_AMOUNT');
      const p = loadPosition(tx, a.positionOwner, a.market, a.side, a.owner);
      return [settle(tx, book, p, { fractionBps: a.fractionBps, acceptablePrice: a.acceptablePrice, reason: 'close' })];
    }
    case 'addCollateral':
      return [addCollateral(tx, book, a)];
    case 'removeCollateral':
      return [removeCollateral(tx, book, a)];
    case 'setTpSl':
      return [setTpSl(tx, book, a)];
    case 'liquidate': {
      const p = loadPosition(tx, a.positionOwner, a.market, a.side);
      return [settle(tx, book, p, { fractionBps: BPS, reason: 'liquidation' })];
    }
    case 'executeTpSl':
      return [executeTpSl(tx, book, a)];
    case 'addLiquidity':
      return [addLiquidity(tx, book, a)];
    case 'removeLiquidity':
      return [removeLiquidity(tx, book, a)];
    case 'swap':
      return [swap(tx, book, a)];
    case 'placeOrder':
      return [placeOrder(tx, book, a)];
    case 'cancelOrder':
      return [cancelOrder(tx, book, a)];
    case 'fillOrder':
      return [fillOrder(tx, book, a)];
    case 'setPrices': {
      const updates = FEED_IDS.filter((feed) => a.prices[feed] !== undefined).map((feed) => {
        const price = a.prices[feed]!;
        tx.s.feeds[feed] = { price, publishTime: tx.nowS };
        return { account: book.addresses.oracles[feed], price, publishTime: tx.nowS };
      });
      return [{ kind: 'pricesUpdated', updates }];
    }
    case 'advance':
      tx.s.nowS += a.seconds;
      return [];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reads shared by the actions and the generators

/** The position of (owner, market, side) with its lock custody's interest accrued to now, at the current mid. */
export function positionNow(s: ModelState, p: PositionRecord): { borrowFeeUsd: bigint; liquidationPrice: bigint; liquidatable: boolean; price: bigint } {
  const market = MARKETS[p.market];
  const tx = new Tx(structuredClone(s));
  tx.lockPool(market.pool);
  const cumulativeInterest = tx.custody(market.pool, lockToken(p.market, p.state.side)).cumulativeInterest;
  const price = s.feeds[market.feed].price;
  const m = positionMetrics({ market: p.market, position: p.state, cumulativeInterest, price });
  return { borrowFeeUsd: m.borrowFeeUsd, liquidationPrice: m.liquidationPrice, liquidatable: m.liquidatable, price };
}

/** §8 AUM of a locked pool at the current oracle (the engine's poolAumUsd). */
function poolAum(tx: Tx, pool: PoolId): bigint {
  const custodies = POOLS[pool].custodies.map((token) => ({ owned: tx.custody(pool, token).owned, low: tx.tokenQuote(token).low, decimals: TOKENS[token].decimals }));
  const sides: AumSide[] = [];
  for (const [market, m] of Object.entries(MARKETS) as [MarketId, (typeof MARKETS)[MarketId]][]) {
    if (m.pool !== pool) continue;
    for (const side of ['long', 'short'] as const) {
      const agg = tx.s.aggregates[aggregateKey(market, side)]!;
      if (agg.sizeUsd === 0n && agg.carriedInterestUsd === 0n) continue;
      const price = tx.feedQuote(m.feed).price;
      sides.push({ side, agg, price, cumulativeInterest: tx.custody(pool, lockToken(market, side)).cumulativeInterest });
    }
  }
  return aumUsd({ custodies, sides });
}

/** What QueryPool answers: AUM, supply and LP price now, or the refusal. */
export function queryPool(state: ModelState, pool: PoolId): { ok: true; aumUsd: bigint; supply: bigint; lpPriceUsd: bigint } | { ok: false; code: string } {
  const tx = new Tx(structuredClone(state));
  try {
    tx.lockPool(pool);
    const aum = poolAum(tx, pool);
    const supply = state.lpSupply[pool];
    return { ok: true, aumUsd: aum, supply, lpPriceUsd: lpPriceUsd({ aumUsd: aum, supply }) };
  } catch (e) {
    if (isProtocolError(e)) return { ok: false, code: e.code };
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Positions

function loadPosition(tx: Tx, positionOwner: Address, market: MarketId, side: Side, signer?: Address): PositionRecord {
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

interface SwapPlan {
  tokenIn: TokenId;
  tokenOut: TokenId;
  amountIn: bigint;
  feeAmount: bigint;
  feeUsd: bigint;
  amountOut: bigint;
}

/** lib/engine/actions/ratio-guard.ts: the §8 ratio rule on each custody whose `owned` changes by `deltas`. */
function checkRatios(tx: Tx, pool: PoolId, deltas: Partial<Record<TokenId, bigint>>): void {
  const tokens = POOLS[pool].custodies;
  if (tokens.length < 2) return;
  const ratios = (d: Partial<Record<TokenId, bigint>>) =>
    custodyRatiosBps(tokens.map((t) => tokenToUsd({ amount: tx.custody(pool, t).owned + (d[t] ?? 0n), price: tx.tokenQuote(t).low, decimals: TOKENS[t].decimals }, 'floor')));
  const before = ratios({});
  const after = ratios(deltas);
  for (const token of Object.keys(deltas) as TokenId[]) {
    const i = tokens.indexOf(token);
    const p = custodyParams(pool, token);
    checkRatioRule({ beforeBps: before[i] ?? 0n, afterBps: after[i] ?? 0n, minBps: p.minBps, maxBps: p.maxBps });
  }
}

/** lib/engine/actions/swap-core.ts planSwap. */
function planSwap(tx: Tx, p: { pool: PoolId; tokenIn: TokenId; tokenOut: TokenId; amountIn: bigint; minAmountOut: bigint }): SwapPlan {
  if (p.pool !== 'ALP') refuse('INVALID_SWAP');
  custodyParams(p.pool, p.tokenIn);
  custodyParams(p.pool, p.tokenOut);
  if (p.amountIn <= 0n) refuse('AMOUNT_TOO_SMALL');
  const feeBps = swapFeeBps(p.tokenIn, p.tokenOut);
  const quoteIn = tx.tokenQuote(p.tokenIn);
  const quoteOut = tx.tokenQuote(p.tokenOut);
  const q = swapQuote({ amountIn: p.amountIn, feeBps, lowIn: quoteIn.low, decIn: TOKENS[p.tokenIn].decimals, highOut: quoteOut.high, decOut: TOKENS[p.tokenOut].decimals });
  const out = tx.custody(p.pool, p.tokenOut);
  checkFreeLiquidity({ owned: out.owned, locked: out.locked, amount: q.amountOut });
  checkMinOut({ amountOut: q.amountOut, minAmountOut: p.minAmountOut });
  checkRatios(tx, p.pool, { [p.tokenIn]: p.amountIn, [p.tokenOut]: -q.amountOut });
  const feeUsd = tokenToUsd({ amount: q.feeAmount, price: quoteIn.low, decimals: TOKENS[p.tokenIn].decimals }, 'floor');
  return { tokenIn: p.tokenIn, tokenOut: p.tokenOut, amountIn: p.amountIn, feeAmount: q.feeAmount, feeUsd, amountOut: q.amountOut };
}

function applySwap(tx: Tx, pool: PoolId, plan: SwapPlan): void {
  tx.touch(pool, plan.tokenIn).owned += plan.amountIn;
  tx.touch(pool, plan.tokenOut).owned -= plan.amountOut;
}

type OpenAction = Extract<Action, { kind: 'open' }>;

/** lib/engine/actions/open-position.ts planOpen + openPosition; `fromOrder`: a filled limit order (its escrow pays). */
function open(tx: Tx, book: Book, a: OpenAction, fromOrder?: string): ProgramEvent {
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
function settle(tx: Tx, book: Book, position: PositionRecord, opts: { fractionBps: bigint; acceptablePrice?: bigint; reason: CloseReason }): ProgramEvent {
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
function executeTpSl(tx: Tx, book: Book, a: Extract<Action, { kind: 'executeTpSl' }>): ProgramEvent {
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
function addCollateral(tx: Tx, book: Book, a: Extract<Action, { kind: 'addCollateral' }>): ProgramEvent {
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
function removeCollateral(tx: Tx, book: Book, a: Extract<Action, { kind: 'removeCollateral' }>): ProgramEvent {
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
function setTpSl(tx: Tx, book: Book, a: Extract<Action, { kind: 'setTpSl' }>): ProgramEvent {
  const p = loadPosition(tx, a.positionOwner, a.market, a.side, a.owner);
  const market = MARKETS[a.market];
  const price = tx.feedQuote(market.feed).price;
  const marks = positionMetrics({ market: a.market, position: p.state, cumulativeInterest: tx.custody(market.pool, lockToken(a.market, a.side)).cumulativeInterest, price });
  validateTpSl({ side: a.side, markPrice: price, liquidationPrice: marks.liquidationPrice, takeProfit: a.takeProfit ?? undefined, stopLoss: a.stopLoss ?? undefined });
  const key = positionKey(p.owner, p.market, a.side);
  tx.s.positions[key] = { ...p, takeProfit: a.takeProfit, stopLoss: a.stopLoss, updatedAt: tx.nowS };
  return { kind: 'tpSlSet', owner: p.owner, position: book.positions[key]!, market: book.addresses.markets[a.market], side: a.side, takeProfit: a.takeProfit, stopLoss: a.stopLoss };
}

/** lib/engine/actions/liquidity.ts addLiquidity. */
function addLiquidity(tx: Tx, book: Book, a: Extract<Action, { kind: 'addLiquidity' }>): ProgramEvent {
  const params = custodyParams(a.pool, a.token);
  if (a.amount <= 0n) refuse('AMOUNT_TOO_SMALL');
  tx.lockPool(a.pool);
  const quote = tx.tokenQuote(a.token);
  const aum = poolAum(tx, a.pool);
  const supply = tx.s.lpSupply[a.pool];
  const q = addLiquidityQuote({ amount: a.amount, addFeeBps: params.addFeeBps, low: quote.low, decimals: TOKENS[a.token].decimals, aumUsd: aum, supply });
  checkMinOut({ amountOut: q.lpOut, minAmountOut: a.minLpOut });
  checkRatios(tx, a.pool, { [a.token]: a.amount });
  tx.debit(a.owner, a.token, a.amount);
  tx.touch(a.pool, a.token).owned += a.amount;
  tx.s.lpSupply[a.pool] = supply + q.lpOut;
  tx.credit(a.owner, a.pool, q.lpOut);
  return {
    kind: 'liquidityAdded',
    owner: a.owner,
    pool: book.addresses.pools[a.pool],
    custody: custodyOf(book.addresses, a.pool, a.token),
    amountIn: a.amount,
    amountOut: q.lpOut,
    feeAmount: q.feeAmount,
    feeUsd: tokenToUsd({ amount: q.feeAmount, price: quote.low, decimals: TOKENS[a.token].decimals }, 'floor'),
    valueUsd: q.valueUsd,
    aumUsd: aum,
    supplyAfter: supply + q.lpOut,
  };
}

/** lib/engine/actions/liquidity.ts removeLiquidity. */
function removeLiquidity(tx: Tx, book: Book, a: Extract<Action, { kind: 'removeLiquidity' }>): ProgramEvent {
  const params = custodyParams(a.pool, a.token);
  if (a.lpAmount <= 0n) refuse('AMOUNT_TOO_SMALL');
  tx.lockPool(a.pool);
  const quote = tx.tokenQuote(a.token);
  const aum = poolAum(tx, a.pool);
  const supply = tx.s.lpSupply[a.pool];
  const q = removeLiquidityQuote({ lpAmount: a.lpAmount, aumUsd: aum, supply, high: quote.high, decimals: TOKENS[a.token].decimals, removeFeeBps: params.removeFeeBps });
  const custody = tx.custody(a.pool, a.token);
  checkFreeLiquidity({ owned: custody.owned, locked: custody.locked, amount: q.amountOut });
  checkMinOut({ amountOut: q.amountOut, minAmountOut: a.minAmountOut });
  checkRatios(tx, a.pool, { [a.token]: -q.amountOut });
  tx.debit(a.owner, a.pool, a.lpAmount);
  tx.touch(a.pool, a.token).owned -= q.amountOut;
  tx.s.lpSupply[a.pool] = supply - a.lpAmount;
  tx.credit(a.owner, a.token, q.amountOut);
  return {
    kind: 'liquidityRemoved',
    owner: a.owner,
    pool: book.addresses.pools[a.pool],
    custody: custodyOf(book.addresses, a.pool, a.token),
    amountIn: a.lpAmount,
    amountOut: q.amountOut,
    feeAmount: q.feeAmount,
    feeUsd: tokenToUsd({ amount: q.feeAmount, price: quote.high, decimals: TOKENS[a.token].decimals }, 'floor'),
    valueUsd: q.usdOut,
    aumUsd: aum,
    supplyAfter: supply - a.lpAmount,
  };
}

/** lib/engine/actions/swap.ts swap. */
function swap(tx: Tx, book: Book, a: Extract<Action, { kind: 'swap' }>): ProgramEvent {
  tx.lockPool(a.pool);
  const plan = planSwap(tx, a);
  tx.debit(a.owner, a.tokenIn, a.amountIn);
  applySwap(tx, a.pool, plan);
  tx.credit(a.owner, a.tokenOut, plan.amountOut);
  return {
    kind: 'swapped',
    owner: a.owner,
    pool: book.addresses.pools[a.pool],
    custodyIn: custodyOf(book.addresses, a.pool, a.tokenIn),
    custodyOut: custodyOf(book.addresses, a.pool, a.tokenOut),
    amountIn: a.amountIn,
    amountOut: plan.amountOut,
    feeAmount: plan.feeAmount,
    feeUsd: plan.feeUsd,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Limit orders

/**
 * The issue's placement rule beyond lib/math's validateLimitTrigger (program/src/math/triggers.rs): a long's trigger
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
 * PlaceLimitOrder (program/src/instructions/place_order.rs; the engine's placeLimitOrder plus the issue's checks at
 * placement): trigger > 0, collateral token, amount, leverage range, the slot (one of 16, free), the trigger on the
 * waiting side of the mark, collateral that can be worth $10 at some fill, and USDC for its own lock not over the
 * maximum position at any price; then the escrow takes the collateral.
 */
function placeOrder(tx: Tx, book: Book, a: Extract<Action, { kind: 'placeOrder' }>): ProgramEvent {
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
function cancelOrder(tx: Tx, book: Book, a: Extract<Action, { kind: 'cancelOrder' }>): ProgramEvent {
  const key = orderKey(a.orderOwner, a.slot);
  const o = tx.s.orders[key];
  if (!o) refuse('NOT_FOUND');
  if (o.owner !== a.owner) refuse('NOT_OWNER');
  delete tx.s.orders[key];
  tx.credit(o.owner, o.postedToken, o.collateralAmount);
  return { kind: 'orderCancelled', owner: o.owner, order: book.orders[key]!, market: book.addresses.markets[o.market], side: o.side, amount: o.collateralAmount, triggerPrice: o.triggerPrice };
}

/** lib/engine/actions/orders.ts fillOrder: triggered at the current mid, then an open paid from the escrow. */
function fillOrder(tx: Tx, book: Book, a: Extract<Action, { kind: 'fillOrder' }>): ProgramEvent {
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
