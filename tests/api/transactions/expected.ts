/**
 * What lib/math says an action does, computed in the test from the chain's snapshot before the transaction is
 * sent (independently of lib/tx-builder's own planning): prices and bands, custodies with interest accrued to the
 * chain's clock, the §8 swap of a USDC-posted ALP long, §5's open and increase, §6's close and liquidation price.
 */
import type { MarketId, Side, TokenId } from '@/lib/math/ids';
import { MARKETS, TOKENS, lockToken } from '@/lib/math/params';
import { computeOpen, type OpenResult } from '@/lib/math/open';
import { increasePosition } from '@/lib/math/increase';
import { swapFeeBps, swapQuote } from '@/lib/math/swap';
import { liquidationPrice } from '@/lib/math/liquidation';
import { positionBorrowFeeUsd, type PositionState } from '@/lib/math/position';
import { closePosition, type CloseResult } from '@/lib/math/close';
import { tokenPrices } from '@/lib/math/oracle-band';
import type { PositionAccount } from '@/lib/chain/accounts';
import type { ChainSnapshot } from '@/lib/chain-runtime/snapshot';

export function quoteOf(s: ChainSnapshot, token: TokenId): { price: bigint; low: bigint; high: bigint } {
  return tokenPrices({ token, price: token === 'USDC' ? 10n ** 10n : s.feedQuote(TOKENS[token].feed).price });
}

export interface ExpectedOpen {
  swap?: { feeAmount: bigint; amountOut: bigint };
  opened: OpenResult;
  next: PositionState;
  liquidationPrice: bigint;
}

export function expectedOpen(
  s: ChainSnapshot,
  a: { market: MarketId; side: Side; token: TokenId; amount: bigint; leverageBps: bigint },
  existing?: PositionAccount,
): ExpectedOpen {
  const lock = lockToken(a.market, a.side);
  let amount = a.amount;
  let swap: ExpectedOpen['swap'];
  if (a.token !== lock) {
    swap = swapQuote({
      amountIn: a.amount,
      feeBps: swapFeeBps(a.token, lock),
      lowIn: quoteOf(s, a.token).low,
      decIn: TOKENS[a.token].decimals,
      highOut: quoteOf(s, lock).high,
      decOut: TOKENS[lock].decimals,
    });
    amount = swap.amountOut;
  }
  const low = quoteOf(s, lock).low;
  const opened = computeOpen({
    market: a.market,
    side: a.side,
    collateralAmount: amount,
    collateralLow: low,
    collateralDecimals: TOKENS[lock].decimals,
    leverageBps: a.leverageBps,
    price: s.marketQuote(a.market).price,
    lockLow: low,
    lockDecimals: TOKENS[lock].decimals,
  });
  const cumulativeInterest = s.interestNow(MARKETS[a.market].pool, lock);
  const next: PositionState = existing
    ? increasePosition(existing.state, opened, { cumulativeInterest })
    : { ...stateOf(opened, a.side), interestSnapshot: cumulativeInterest };
  return { swap, opened, next, liquidationPrice: liquidationNow(s, a.market, next) };
}

function stateOf(o: OpenResult, side: Side): PositionState {
  return {
    side,
    sizeUsd: o.sizeUsd,
    collateralUsd: o.collateralUsd,
    collateralAmount: o.collateralAmount,
    entryPrice: o.entryPrice,
    lockAmount: o.lockAmount,
    exitFeeUsd: o.exitFeeUsd,
    liquidationFeeUsd: o.liquidationFeeUsd,
    carriedInterestUsd: 0n,
    interestSnapshot: 0n,
  };
}

/** §6 liquidation price with the borrow fee accrued to the snapshot's clock. */
export function liquidationNow(s: ChainSnapshot, market: MarketId, p: PositionState): bigint {
  const cumulativeInterest = s.interestNow(MARKETS[market].pool, lockToken(market, p.side));
  return liquidationPrice({
    side: p.side,
    sizeUsd: p.sizeUsd,
    collateralUsd: p.collateralUsd,
    entryPrice: p.entryPrice,
    liquidationLeverageBps: MARKETS[market].liquidationLeverageBps,
    liquidationFeeUsd: p.liquidationFeeUsd,
    borrowFeeUsd: positionBorrowFeeUsd({ position: p, cumulativeInterest }),
  });
}

export function expectedClose(s: ChainSnapshot, market: MarketId, p: PositionState, fractionBps: bigint): CloseResult {
  const token = lockToken(market, p.side);
  const cumulativeInterest = s.interestNow(MARKETS[market].pool, token);
  return closePosition({
    position: p,
    fractionBps,
    price: s.marketQuote(market).price,
    payoutHigh: quoteOf(s, token).high,
    collateralDecimals: TOKENS[token].decimals,
    borrowFeeUsd: positionBorrowFeeUsd({ position: p, cumulativeInterest }),
    cumulativeInterest,
    feeKind: 'exit',
  });
}
