/**
 * The ticket's preview and its checks (issue 6): exactly the engine's path for openPosition (protocol.md §5),
 * from lib/math, with the market and pool state of the API. For an ALP long posted in USDC the USDC is first
 * swapped into the market token (§3, §8), as the engine does; a limit order is previewed at its trigger price.
 */
import { formatPrice } from '@/lib/format/price';
import { borrowRateHourly, utilizationBps } from '@/lib/math/borrow-rate';
import { usdToTokens } from '@/lib/math/convert';
import { isProtocolError } from '@/lib/math/errors';
import { tokenPrices } from '@/lib/math/oracle-band';
import { MARKETS, TOKENS, custodyParams, lockToken, marketToken, positionCollateralToken } from '@/lib/math/params';
import { computeOpen, validateOpen } from '@/lib/math/open';
import { openAcceptablePrice } from './acceptable-price';
import { previewCollateralSwap } from './collateral-swap';
import { previewIncrease } from './increase-preview';
import { borrowCost, openCosts } from './open-costs';
import { findCustody, freeLiquidity, freeLiquidityUsd } from './lock-custody';
import { balanceIssue, checkTicketInput } from './ticket-input-checks';
import type { SwapPreview, TicketInput, TicketIssue, TicketPreview, TicketResult } from './ticket-types';
import { validateTicketTriggers } from './ticket-triggers';

/** Decimals used to show the size of a synthetic market (XAU, XAG, WTI) in units of the asset. */
export const SYNTHETIC_SIZE_DECIMALS = 6;

/** Preview and first issue of a ticket; `preview` is undefined only when the inputs cannot be priced at all. */
export function previewTicket(input: TicketInput): TicketResult {
  const early = checkTicketInput(input);
  if (early.issue || early.entryPrice === undefined || early.collateralAmount === undefined) return { preview: undefined, issue: early.issue };
  try {
    const preview = buildPreview(input, early.entryPrice, early.collateralAmount);
    return { preview, issue: firstIssue(input, preview) };
  } catch (e) {
    return { preview: undefined, issue: toIssue(e) };
  }
}

function buildPreview(input: TicketInput, entryPrice: bigint, amountIn: bigint): TicketPreview {
  const { market, side } = input;
  const heldToken = positionCollateralToken(market.id, side);
  const swap: SwapPreview | undefined =
    input.collateralToken === heldToken ? undefined : previewCollateralSwap({ tokenIn: input.collateralToken, tokenOut: heldToken, amountIn, priceOut: entryPrice });
  const collateralAmount = swap ? swap.amountOut : amountIn;
  const lock = lockToken(market.id, side);
  const open = computeOpen({
    market: market.id,
    side,
    collateralAmount,
    collateralLow: tokenPrices({ token: heldToken, price: entryPrice }).low,
    collateralDecimals: TOKENS[heldToken].decimals,
    leverageBps: input.leverageBps,
    price: entryPrice,
    lockLow: tokenPrices({ token: lock, price: entryPrice }).low,
    lockDecimals: TOKENS[lock].decimals,
  });
  const increase = input.existing ? previewIncrease({ existing: input.existing, added: open, market: market.id }) : undefined;
  const borrowRate = rateAfterOpen(input, open.lockAmount, swap);
  const sizeToken = marketToken(market.id);
  const sizeTokenDecimals = sizeToken ? TOKENS[sizeToken].decimals : SYNTHETIC_SIZE_DECIMALS;
  return {
    open,
    swap,
    sizeTokens: usdToTokens({ usd: open.sizeUsd, price: entryPrice, decimals: sizeTokenDecimals }, 'floor'),
    sizeTokenDecimals,
    acceptablePrice: openAcceptablePrice({ side, price: entryPrice, slippageBps: input.slippageBps }),
    borrowRateHourly: borrowRate,
    availableLiquidityUsd: freeLiquidityUsd({ custodies: input.custodies, market: market.id, side, price: entryPrice }),
    maxProfitUsd: side === 'short' ? open.sizeUsd + (input.existing?.sizeUsd ?? 0n) : undefined,
    increase,
    heldToken,
    costs: openCosts({ tokenIn: input.collateralToken, amountIn, heldToken, price: entryPrice, swap, open }),
    borrow: borrowCost({ sizeUsd: increase ? increase.after.sizeUsd : open.sizeUsd, rateHourly: borrowRate }),
  };
}

/** §5.5: the rate the position pays right after opening: the lock custody's curve at its utilization after the lock. */
function rateAfterOpen(input: TicketInput, lockAmount: bigint, swap: SwapPreview | undefined): bigint {
  const token = lockToken(input.market.id, input.side);
  const custody = findCustody(input.custodies, token);
  if (!custody) return 0n;
  const owned = custody.owned - (swap && swap.tokenOut === token ? swap.amountOut : 0n);
  const curve = custodyParams(MARKETS[input.market.id].pool, token).borrow;
  return borrowRateHourly({ utilizationBps: utilizationBps({ locked: custody.locked + lockAmount, owned }), ...curve });
}

/** The engine's checks in its order (validateOpen), then TP/SL; the balance is checked first, as the wallet would. */
function firstIssue(input: TicketInput, preview: TicketPreview): TicketIssue | undefined {
  const { market, side } = input;
  const balance = balanceIssue(input);
  if (balance) return balance;
  try {
    validateOpen({
      market: market.id,
      side,
      leverageBps: input.leverageBps,
      collateralUsd: preview.open.collateralUsd,
      sizeUsd: preview.open.sizeUsd,
      entryPrice: preview.open.entryPrice,
      lockAmount: preview.open.lockAmount,
      acceptablePrice: input.orderType === 'market' ? preview.acceptablePrice : undefined,
      freeLiquidity: freeLiquidity({ custodies: input.custodies, market: market.id, side }) + (preview.swap?.tokenOut === lockToken(market.id, side) ? -preview.swap.amountOut : 0n),
      openInterestUsd: side === 'long' ? market.openInterestLongUsd : market.openInterestShortUsd,
      existingSizeUsd: input.existing?.sizeUsd,
      marketOpen: input.orderType === 'limit' ? true : market.open,
      oracleStale: market.stale,
    });
    const merged = preview.increase?.after;
    if (preview.increase?.before.liquidatable) return liquidatedFirst(input, preview.increase.before.liquidationPrice);
    if (merged?.liquidatable) return wouldLiquidate(input, merged.liquidationPrice);
    validateTicketTriggers({ side, entryPrice: preview.open.entryPrice, liquidationPrice: merged?.liquidationPrice ?? preview.open.liquidationPrice, takeProfit: input.takeProfit, stopLoss: input.stopLoss });
  } catch (e) {
    return toIssue(e);
  }
  return undefined;
}

/**
 * The order would merge into a position that the fill price already liquidates (its leverage after would be ∞):
 * refused here in words, so nothing is signed that the keeper would liquidate at once.
 */
function wouldLiquidate(input: TicketInput, liquidationPriceAfter: bigint): TicketIssue {
  const at = input.orderType === 'limit' ? 'At the trigger price' : 'At the current price';
  return {
    code: 'WOULD_LIQUIDATE',
    message: `${at} your ${input.market.id} ${input.side} after this order would already be past its liquidation price (${formatPrice(liquidationPriceAfter, { market: input.market.id })}) and be liquidated at once. Add more collateral or choose another trigger price.`,
  };
}

/** The position this order would merge into is itself liquidated before the fill price is reached. */
function liquidatedFirst(input: TicketInput, liquidationPriceNow: bigint): TicketIssue {
  const at = formatPrice(input.triggerPrice ?? input.market.price, { market: input.market.id });
  return {
    code: 'WOULD_LIQUIDATE',
    message: `Your ${input.market.id} ${input.side} is liquidated at ${formatPrice(liquidationPriceNow, { market: input.market.id })}, before the price reaches ${at}: this order could not add to it. Add collateral to the position first, or choose another trigger price.`,
  };
}

function toIssue(e: unknown): TicketIssue {
  if (isProtocolError(e)) return { code: e.code, message: e.message };
  throw e;
}
