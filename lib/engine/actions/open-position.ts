import { MARKETS, TOKENS, lockToken, marketToken } from '@/lib/math/params';
import { computeOpen, validateOpen, type OpenResult } from '@/lib/math/open';
import { increasePosition } from '@/lib/math/increase';
import { validateTpSl } from '@/lib/math/triggers';
import { liquidationPrice } from '@/lib/math/liquidation';
import { positionBorrowFeeUsd, type PositionState } from '@/lib/math/position';
import { ProtocolError } from '@/lib/math/errors';
import type { OpenPositionParams, QuoteOpenParams } from '../action-params';
import type { TxContext } from '../tx-context';
import type { PositionRow } from '../store/rows';
import { insertPosition, selectPositions, updatePosition } from '../store/positions';
import { debitBalance } from '../store/balances';
import { positionView } from '../position-view';
import type { OpenQuoteView, PositionView } from '../views';
import { planSwap, applySwap, type SwapPlan } from './swap-core';
import { aggregateAdd, aggregateRemove } from './aggregate-update';
import { borrowRateHourly, utilizationBps } from '@/lib/math/borrow-rate';
import { custodyParams } from '@/lib/math/params';

export interface OpenPlan {
  params: QuoteOpenParams;
  swap: SwapPlan | undefined;
  opened: OpenResult;
  existing: PositionRow | undefined;
  next: PositionState;
  cumulativeInterest: bigint;
  price: bigint;
}

function checkCollateralToken(params: QuoteOpenParams): void {
  const allowed = MARKETS[params.market].collateralTokens(params.side);
  if (!allowed.includes(params.collateralToken)) {
    throw new ProtocolError(
      'UNSUPPORTED_COLLATERAL',
      `A ${params.market} ${params.side} takes ${allowed.join(' or ')} as collateral, not ${params.collateralToken}.`,
    );
  }
  if (params.collateralAmount <= 0n) throw new ProtocolError('AMOUNT_TOO_SMALL', 'Post some collateral to open a position.');
}

/**
 * Everything an open would do, without writing (quote and action share it, api.md `POST /api/quote/open`): an ALP
 * long posted in USDC is first swapped into the market token through the pool (§3, §8 swap fee and ratio rule),
 * then §5 computes and validates the open (or increase) against the lock custody's free liquidity.
 */
export async function planOpen(ctx: TxContext, owner: string | undefined, params: QuoteOpenParams & { acceptablePrice?: bigint }): Promise<OpenPlan> {
  checkCollateralToken(params);
  const market = MARKETS[params.market];
  await ctx.lockPool(market.pool);
  ctx.requireMarketOpen(params.market);
  const mark = ctx.feedQuote(market.feed);
  const token = marketToken(params.market);
  let collateralToken = params.collateralToken;
  let collateralAmount = params.collateralAmount;
  let swap: SwapPlan | undefined;
  if (market.pool === 'ALP' && params.side === 'long' && token !== undefined && collateralToken !== token) {
    swap = planSwap(ctx, { pool: 'ALP', tokenIn: collateralToken, tokenOut: token, amountIn: collateralAmount, minAmountOut: 0n });
    collateralToken = token;
    collateralAmount = swap.amountOut;
  }
  const lock = lockToken(params.market, params.side);
  const collateralQuote = ctx.tokenQuote(collateralToken);
  const lockQuote = ctx.tokenQuote(lock);
  const opened = computeOpen({
    market: params.market,
    side: params.side,
    collateralAmount,
    collateralLow: collateralQuote.low,
    collateralDecimals: TOKENS[collateralToken].decimals,
    leverageBps: params.leverageBps,
    price: mark.price,
    lockLow: lockQuote.low,
    lockDecimals: TOKENS[lock].decimals,
  });
  const lockCustody = ctx.custody(market.pool, lock);
  const swapOut = swap && swap.tokenOut === lock ? swap.amountOut : 0n;
  const existing = owner
    ? (await selectPositions(ctx.tx, 'owner = $1 AND market = $2 AND side = $3', [owner, params.market, params.side]))[0]
    : undefined;
  const agg = await ctx.aggregate(params.market, params.side);
  validateOpen({
    market: params.market,
    side: params.side,
    leverageBps: params.leverageBps,
    collateralUsd: opened.collateralUsd,
    sizeUsd: opened.sizeUsd,
    entryPrice: opened.entryPrice,
    lockAmount: opened.lockAmount,
    acceptablePrice: params.acceptablePrice,
    freeLiquidity: lockCustody.owned - swapOut - lockCustody.locked,
    openInterestUsd: agg.sizeUsd,
    existingSizeUsd: existing?.sizeUsd ?? 0n,
    marketOpen: true,
  });
  const cumulativeInterest = lockCustody.cumulativeInterest;
  const fresh: PositionState = {
    side: params.side,
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
  const next = existing ? increasePosition(existing, opened, { cumulativeInterest }) : fresh;
  return { params, swap, opened, existing, next, cumulativeInterest, price: mark.price };
}

/** The liquidation price of a planned position right after the open (§6, borrow fee carried). */
export function plannedLiquidationPrice(plan: OpenPlan): bigint {
  return liquidationPrice({
    side: plan.next.side,
    sizeUsd: plan.next.sizeUsd,
    collateralUsd: plan.next.collateralUsd,
    entryPrice: plan.next.entryPrice,
    liquidationLeverageBps: MARKETS[plan.params.market].liquidationLeverageBps,
    liquidationFeeUsd: plan.next.liquidationFeeUsd,
    borrowFeeUsd: positionBorrowFeeUsd({ position: plan.next, cumulativeInterest: plan.cumulativeInterest }),
  });
}

export function quoteFromPlan(ctx: TxContext, plan: OpenPlan): OpenQuoteView {
  const market = MARKETS[plan.params.market];
  const lock = ctx.custody(market.pool, lockToken(plan.params.market, plan.params.side));
  const swapOut = plan.swap && plan.swap.tokenOut === lock.token ? plan.swap.amountOut : 0n;
  const lockedAfter = lock.locked + plan.opened.lockAmount;
  const ownedAfter = lock.owned - swapOut;
  return {
    collateralUsd: plan.opened.collateralUsd,
    sizeUsd: plan.opened.sizeUsd,
    entryPrice: plan.opened.entryPrice,
    liquidationPrice: plan.existing ? plannedLiquidationPrice(plan) : plan.opened.liquidationPrice,
    openFeeUsd: plan.opened.openFeeUsd,
    exitFeeUsd: plan.opened.exitFeeUsd,
    liquidationFeeUsd: plan.opened.liquidationFeeUsd,
    borrowRateHourly: borrowRateHourly({
      utilizationBps: utilizationBps({ locked: lockedAfter, owned: ownedAfter }),
      ...custodyParams(market.pool, lock.token).borrow,
    }),
    lockAmount: plan.opened.lockAmount,
    swapFeeAmount: plan.swap?.feeAmount ?? 0n,
    collateralAmountAfterSwap: plan.opened.collateralAmount,
  };
}

/**
 * openPosition (and a filled limit order, `fromEscrow`): takes the collateral from the wallet (or the order's
 * escrow), swaps if needed, locks, writes the position and the aggregate, records `opened` / `increased`.
 */
export async function openPosition(
  ctx: TxContext,
  owner: string,
  params: OpenPositionParams,
  opts: { fromEscrow?: boolean; eventKind?: 'filled' } = {},
): Promise<PositionView> {
  const plan = await planOpen(ctx, owner, params);
  const market = MARKETS[params.market];
  const tp = params.takeProfit ?? plan.existing?.takeProfit ?? null;
  const sl = params.stopLoss ?? plan.existing?.stopLoss ?? null;
  if (params.takeProfit != null || params.stopLoss != null) {
    validateTpSl({
      side: params.side,
      markPrice: plan.price,
      liquidationPrice: plannedLiquidationPrice(plan),
      takeProfit: params.takeProfit ?? undefined,
      stopLoss: params.stopLoss ?? undefined,
    });
  }
  if (!opts.fromEscrow) await debitBalance(ctx.tx, owner, params.collateralToken, params.collateralAmount, 'this collateral');
  if (plan.swap) applySwap(ctx, plan.swap);
  const lock = ctx.touch(market.pool, lockToken(params.market, params.side));
  lock.locked += plan.opened.lockAmount;
  const collateralToken = plan.swap ? plan.swap.tokenOut : params.collateralToken;
  const collateralCustody = ctx.touch(market.pool, collateralToken);
  collateralCustody.collateral += plan.opened.collateralAmount;
  if (plan.existing) await aggregateRemove(ctx, params.market, plan.existing);
  const row: PositionRow = {
    ...plan.next,
    id: plan.existing?.id ?? '',
    owner,
    market: params.market,
    side: params.side,
    collateralToken,
    takeProfit: tp,
    stopLoss: sl,
    openedAt: plan.existing?.openedAt ?? ctx.nowS,
  };
  if (plan.existing) await updatePosition(ctx.tx, row, ctx.nowS);
  else row.id = await insertPosition(ctx.tx, row, ctx.nowS);
  await aggregateAdd(ctx, params.market, row);
  const kind = opts.eventKind ?? (plan.existing ? 'increased' : 'opened');
  await ctx.recordEvent({
    owner,
    kind,
    pool: market.pool,
    market: params.market,
    side: params.side,
    sizeUsd: plan.opened.sizeUsd,
    price: plan.price,
    feesUsd: plan.opened.openFeeUsd + (plan.swap?.feeUsd ?? 0n),
    details: {
      positionId: row.id,
      collateralToken,
      collateralAmount: plan.opened.collateralAmount,
      collateralUsd: plan.opened.collateralUsd,
      postedToken: params.collateralToken,
      postedAmount: params.collateralAmount,
      swapFeeAmount: plan.swap?.feeAmount ?? null,
      leverageBps: params.leverageBps,
    },
  });
  ctx.emit({ type: 'position', owner, positionId: row.id, market: params.market, kind }, { position: row });
  return positionView(row, { cumulativeInterest: plan.cumulativeInterest, price: plan.price });
}
