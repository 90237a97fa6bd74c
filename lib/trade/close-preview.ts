/**
 * The close dialog's preview (protocol.md §6): the engine's closePosition and validateClose at the current mid,
 * paid in the position's collateral token at its oracle high, with the slippage setting's acceptable price.
 */
import { divCeil } from '@/lib/math/bigmath';
import { closePosition, validateClose } from '@/lib/math/close';
import type { CloseResult } from '@/lib/math/close';
import { isProtocolError } from '@/lib/math/errors';
import type { TokenId } from '@/lib/math/ids';
import { tokenPrices } from '@/lib/math/oracle-band';
import { TOKENS } from '@/lib/math/params';
import { BPS } from '@/lib/math/scales';
import { closeAcceptablePrice } from './acceptable-price';
import { PREVIEW_CUMULATIVE_INTEREST, toPositionState } from './position-state';
import type { ExistingPosition, TicketIssue } from './ticket-types';

export const CLOSE_FRACTIONS_BPS: readonly bigint[] = [2_500n, 5_000n, 7_500n, 10_000n];

export interface ClosePreview {
  result: CloseResult;
  acceptablePrice: bigint;
}

export function previewClose({
  position,
  collateralToken,
  fractionBps,
  price,
  slippageBps,
  marketOpen,
}: {
  position: ExistingPosition;
  collateralToken: TokenId;
  fractionBps: bigint;
  price: bigint;
  slippageBps: bigint;
  marketOpen: boolean;
}): { preview: ClosePreview | undefined; issue: TicketIssue | undefined } {
  try {
    const result = closePosition({
      position: toPositionState(position),
      fractionBps,
      price,
      payoutHigh: tokenPrices({ token: collateralToken, price }).high,
      collateralDecimals: TOKENS[collateralToken].decimals,
      borrowFeeUsd: position.borrowFeeUsd,
      cumulativeInterest: PREVIEW_CUMULATIVE_INTEREST,
      feeKind: 'exit',
    });
    const acceptablePrice = closeAcceptablePrice({ side: position.side, price, slippageBps });
    const preview = { result, acceptablePrice };
    if (!marketOpen) return { preview, issue: { code: 'MARKET_CLOSED', message: 'This market is closed now; positions can be closed when it reopens.' } };
    validateClose({ side: position.side, price, acceptablePrice, remaining: result.remaining });
    return { preview, issue: undefined };
  } catch (e) {
    if (isProtocolError(e)) return { preview: undefined, issue: { code: e.code, message: e.message } };
    throw e;
  }
}

/**
 * A close of `sizeUsd` out of the position's size as a fraction in bps, rounded up so that at least that much
 * closes (capped at 100%); undefined for a non-positive amount.
 */
export function fractionForCloseSize({ closeSizeUsd, positionSizeUsd }: { closeSizeUsd: bigint; positionSizeUsd: bigint }): bigint | undefined {
  if (closeSizeUsd <= 0n || positionSizeUsd <= 0n) return undefined;
  const bps = divCeil(closeSizeUsd * BPS, positionSizeUsd);
  return bps > BPS ? BPS : bps;
}
