/**
 * An open (or increase) as the program will execute it (program/src/instructions/open_core.rs `plan`), in
 * lib/math over a ChainSnapshot: collateral token and amount, market hours, the fresh mark, the swap of an ALP
 * long posted in USDC (§3, §8: the two tokens' prices first, every custody's only for the ratio rule), the leverage range, §5's computation and checks against the lock custody's free
 * liquidity, then TP/SL against the liquidation price after the open. `POST /api/quote/open` previews it and the
 * openPosition / placeLimitOrder refusals are explained by it.
 */
import type { MarketId, Side, TokenId } from '@/lib/math/ids';
import { MARKETS, TOKENS, lockToken } from '@/lib/math/params';
import { ProtocolError } from '@/lib/math/errors';
import { checkCollateralToken, computeOpen, validateOpen, type OpenResult } from '@/lib/math/open';
import { increasePosition } from '@/lib/math/increase';
import { liquidationPrice } from '@/lib/math/liquidation';
import { positionBorrowFeeUsd, type PositionState } from '@/lib/math/position';
import { validateTpSl } from '@/lib/math/triggers';
import { borrowRateHourly, utilizationBps } from '@/lib/math/borrow-rate';
import type { PositionAccount } from '@/lib/chain/accounts';
import type { ChainSnapshot } from '@/lib/chain-runtime/snapshot';
import { freshToken, marketMid, planChainSwap, requireMarketOpen, type ChainSwapPlan } from './checks';

export interface OpenRequest {
  market: MarketId;
  side: Side;
  collateralToken: TokenId;
  collateralAmount: bigint;
  leverageBps: bigint;
  /** undefined or 0: any. */
  acceptablePrice?: bigint;
  takeProfit?: bigint;
  stopLoss?: bigint;
}

/** v1's quote of an open (lib/client/wire.ts OpenQuoteWire, plus the swap's fee and output). */
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
  /** ALP long posted in USDC: the swap into the market token that precedes the open. */
  swapFeeAmount: bigint;
  collateralAmountAfterSwap: bigint;
}

export interface ChainOpenPlan {
  request: OpenRequest;
  swap: ChainSwapPlan | undefined;
  opened: OpenResult;
  existing: PositionAccount | undefined;
  next: PositionState;
  price: bigint;
  cumulativeInterest: bigint;
  /** The liquidation price right after the open (borrow fee carried). */
  liquidationPrice: bigint;
}

/** True when the open swaps the posted token into the market token first (an ALP long posted in USDC). */
export function swapsFirst(r: Pick<OpenRequest, 'market' | 'side' | 'collateralToken'>): boolean {
  return MARKETS[r.market].pool === 'ALP' && r.side === 'long' && r.collateralToken !== lockToken(r.market, r.side);
}

export function planChainOpen(s: ChainSnapshot, r: OpenRequest, existing?: PositionAccount): ChainOpenPlan {
  const market = MARKETS[r.market];
  checkCollateralToken({ market: r.market, side: r.side, token: r.collateralToken });
  if (r.collateralAmount <= 0n) throw new ProtocolError('AMOUNT_TOO_SMALL', 'Post some collateral to open a position.');
  requireMarketOpen(r.market, s.nowS);
  const price = marketMid(s, r.market);
  const lock = lockToken(r.market, r.side);
  const swap: ChainSwapPlan | undefined = swapsFirst(r)
    ? planChainSwap(s, { pool: market.pool, tokenIn: r.collateralToken, tokenOut: lock, amountIn: r.collateralAmount, minAmountOut: 0n })
    : undefined;
  const lockLow = freshToken(s, lock).low;
  const opened = computeOpen({
    market: r.market,
    side: r.side,
    collateralAmount: swap ? swap.amountOut : r.collateralAmount,
    collateralLow: lockLow,
    collateralDecimals: TOKENS[lock].decimals,
    leverageBps: r.leverageBps,
    price,
    lockLow,
    lockDecimals: TOKENS[lock].decimals,
  });
  const custody = s.custody(market.pool, lock);
  const free = custody.owned - (swap?.amountOut ?? 0n) - custody.locked;
  validateOpen({
    market: r.market,
    side: r.side,
    leverageBps: r.leverageBps,
    collateralUsd: opened.collateralUsd,
    sizeUsd: opened.sizeUsd,
    entryPrice: opened.entryPrice,
    lockAmount: opened.lockAmount,
    acceptablePrice: r.acceptablePrice ? r.acceptablePrice : undefined,
    freeLiquidity: free > 0n ? free : 0n,
    openInterestUsd: s.aggregate(r.market, r.side).sizeUsd,
    existingSizeUsd: existing?.state.sizeUsd ?? 0n,
    marketOpen: true,
  });
  const cumulativeInterest = s.interestNow(market.pool, lock);
  const next: PositionState = existing
    ? increasePosition(existing.state, opened, { cumulativeInterest })
    : {
        side: r.side,
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
  if (r.takeProfit || r.stopLoss) {
    validateTpSl({ side: r.side, markPrice: price, liquidationPrice: liq, takeProfit: r.takeProfit || undefined, stopLoss: r.stopLoss || undefined });
  }
  return { request: r, swap, opened, existing, next, price, cumulativeInterest, liquidationPrice: liq };
}

/**
 * v1's quote (lib/client/wire.ts `OpenQuoteWire`) of a plan: the borrow rate is the lock custody's right after
 * the open (its owned less the swap's out, its locked plus the lock), on the custody's on-chain curve.
 */
export function quoteOfPlan(s: ChainSnapshot, plan: ChainOpenPlan): OpenQuote {
  const r = plan.request;
  const custody = s.custody(MARKETS[r.market].pool, lockToken(r.market, r.side));
  const owned = custody.owned - (plan.swap?.amountOut ?? 0n);
  const locked = custody.locked + plan.opened.lockAmount;
  return {
    collateralUsd: plan.opened.collateralUsd,
    sizeUsd: plan.opened.sizeUsd,
    entryPrice: plan.opened.entryPrice,
    liquidationPrice: plan.existing ? plan.liquidationPrice : plan.opened.liquidationPrice,
    openFeeUsd: plan.opened.openFeeUsd,
    exitFeeUsd: plan.opened.exitFeeUsd,
    liquidationFeeUsd: plan.opened.liquidationFeeUsd,
    borrowRateHourly: borrowRateHourly({
      utilizationBps: utilizationBps({ locked, owned }),
      uOptBps: custody.params.uOptBps,
      rateAtOptHourly: custody.params.rateAtOptHourly,
      rateMaxHourly: custody.params.rateMaxHourly,
    }),
    lockAmount: plan.opened.lockAmount,
    swapFeeAmount: plan.swap?.feeAmount ?? 0n,
    collateralAmountAfterSwap: plan.opened.collateralAmount,
  };
}
