/**
 * What opening costs, in USD, before the signature (ANCHORS: "show every cost before the signature"): the amount
 * posted at the oracle mid, the swap fee of an ALP long posted in USDC, the confidence band (collateral counted at
 * the low, a swap bought at the high: protocol.md §2), the open fee; and the borrow fee per hour and per day at
 * the rate right after opening (§5.5).
 */
import { mulDivCeil } from '@/lib/math/bigmath';
import { tokenToUsd } from '@/lib/math/convert';
import type { TokenId } from '@/lib/math/ids';
import { tokenPrices } from '@/lib/math/oracle-band';
import { FEED_BAND_BPS, TOKENS } from '@/lib/math/params';
import { RATE_ONE } from '@/lib/math/scales';
import type { OpenResult } from '@/lib/math/open';
import type { SwapPreview } from './ticket-types';

export interface OpenCosts {
  /** The amount posted at its oracle mid (USDC $1), floored. */
  postedUsd: bigint;
  /** Swap fee (USDC → market token) at the mid; 0 without a swap. */
  swapFeeUsd: bigint;
  /** The band's cost: posted − swap fee − collateral counted before the open fee (includes the floor of each step). */
  bandUsd: bigint;
  /** The band of the collateral's feed, each way, in bps. */
  bandBps: bigint;
  openFeeUsd: bigint;
  /** posted − collateral counted: everything the open takes. */
  totalUsd: bigint;
}

/** `posted = floor(amount × mid)`; `band = posted − swapFee − (collateralUsd + openFee)`; total = posted − collateralUsd. */
export function openCosts({ tokenIn, amountIn, heldToken, price, swap, open }: { tokenIn: TokenId; amountIn: bigint; heldToken: TokenId; price: bigint; swap: SwapPreview | undefined; open: OpenResult }): OpenCosts {
  const mid = tokenPrices({ token: tokenIn, price }).price;
  const decimals = TOKENS[tokenIn].decimals;
  const postedUsd = tokenToUsd({ amount: amountIn, price: mid, decimals }, 'floor');
  const swapFeeUsd = swap ? tokenToUsd({ amount: swap.feeAmount, price: mid, decimals }, 'ceil') : 0n;
  const grossUsd = open.collateralUsd + open.openFeeUsd;
  const bandUsd = postedUsd - swapFeeUsd - grossUsd;
  return {
    postedUsd,
    swapFeeUsd,
    bandUsd: bandUsd > 0n ? bandUsd : 0n,
    bandBps: FEED_BAND_BPS[TOKENS[heldToken].feed],
    openFeeUsd: open.openFeeUsd,
    totalUsd: postedUsd - open.collateralUsd,
  };
}

export interface BorrowCost {
  rateHourly: bigint;
  /** `ceil(size × rate / 1e9)`: what an hour costs this size at this rate (the pool rounds fees up). */
  perHourUsd: bigint;
  /** `ceil(size × rate × 24 / 1e9)`. */
  perDayUsd: bigint;
}

export function borrowCost({ sizeUsd, rateHourly }: { sizeUsd: bigint; rateHourly: bigint }): BorrowCost {
  return { rateHourly, perHourUsd: mulDivCeil(sizeUsd, rateHourly, RATE_ONE), perDayUsd: mulDivCeil(sizeUsd, rateHourly * 24n, RATE_ONE) };
}
