/** Opening a position: the quote and its checks (protocol.md §5). */
import { divCeil } from './bigmath';
import { tokenToUsd, usdToTokens } from './convert';
import { describeLeverage, describePrice, describeUsd } from './describe';
import { ProtocolError } from './errors';
import type { MarketId, Side, TokenId } from './ids';
import { liquidationPrice } from './liquidation';
import { MARKETS, PROTOCOL } from './params';
import { BPS } from './scales';

export interface OpenInput {
  market: MarketId;
  side: Side;
  /** In the position's collateral token (for an ALP long posted in USDC: the market token out of the swap). */
  collateralAmount: bigint;
  /** Oracle low of the collateral token (USDC: PRICE_ONE). */
  collateralLow: bigint;
  collateralDecimals: number;
  leverageBps: bigint;
  /** Oracle mid of the market: the entry price. */
  price: bigint;
  /** Oracle low of the lock token (used only for ALP longs, which lock the market token). */
  lockLow: bigint;
  lockDecimals: number;
}

export interface OpenResult {
  collateralAmount: bigint;
  collateralUsd: bigint;
  sizeUsd: bigint;
  entryPrice: bigint;
  lockAmount: bigint;
  openFeeUsd: bigint;
  exitFeeUsd: bigint;
  liquidationFeeUsd: bigint;
  liquidationPrice: bigint;
}

/**
 * §5: `collateralUsd = floor(usd(amount, low, dec))`; `sizeUsd = floor(collateralUsd × leverage / 10000)`;
 * entry = mid; lock (ALP long) `ceil(tokens(sizeUsd, lockLow, lockDec))` of the market token, otherwise `sizeUsd`
 * USDC units; `exitFeeUsd = ceil(sizeUsd × closeFeeBps / 10000)`, `liquidationFeeUsd` likewise;
 * `openFeeUsd = ceil(sizeUsd × openFeeBps / 10000)` (0 bps today) is taken out of `collateralUsd` as GMX does.
 * The liquidation price is the one right after opening (no borrow fee yet). Does not validate: see validateOpen.
 */
export function computeOpen(input: OpenInput): OpenResult {
  const params = MARKETS[input.market];
  const grossCollateralUsd = tokenToUsd({ amount: input.collateralAmount, price: input.collateralLow, decimals: input.collateralDecimals }, 'floor');
  const sizeUsd = (grossCollateralUsd * input.leverageBps) / BPS;
  const locksMarketToken = params.pool === 'ALP' && input.side === 'long';
  const lockAmount = locksMarketToken ? usdToTokens({ usd: sizeUsd, price: input.lockLow, decimals: input.lockDecimals }, 'ceil') : sizeUsd;
  const openFeeUsd = divCeil(sizeUsd * params.openFeeBps, BPS);
  const exitFeeUsd = divCeil(sizeUsd * params.closeFeeBps, BPS);
  const liquidationFeeUsd = divCeil(sizeUsd * params.liquidationFeeBps, BPS);
  const collateralUsd = grossCollateralUsd - openFeeUsd;
  return {
    collateralAmount: input.collateralAmount,
    collateralUsd,
    sizeUsd,
    entryPrice: input.price,
    lockAmount,
    openFeeUsd,
    exitFeeUsd,
    liquidationFeeUsd,
    liquidationPrice: liquidationPrice({
      side: input.side,
      sizeUsd,
      collateralUsd,
      entryPrice: input.price,
      liquidationLeverageBps: params.liquidationLeverageBps,
      liquidationFeeUsd,
      borrowFeeUsd: 0n,
    }),
  };
}

export interface OpenChecks {
  market: MarketId;
  side: Side;
  leverageBps: bigint;
  collateralUsd: bigint;
  sizeUsd: bigint;
  entryPrice: bigint;
  lockAmount: bigint;
  /** Refuse with SLIPPAGE if a long's entry is above it, a short's below it. */
  acceptablePrice?: bigint;
  /** `owned − locked` of the lock custody, in lock-token units. */
  freeLiquidity: bigint;
  /** Open interest of this market and side before this open (USD). */
  openInterestUsd: bigint;
  /** Size of the position this open increases, if any (USD). */
  existingSizeUsd?: bigint;
  marketOpen: boolean;
  oracleStale?: boolean;
}

/**
 * §5 checks, in this fixed order (each with its own code): MARKET_CLOSED, ORACLE_STALE, LEVERAGE_TOO_LOW,
 * LEVERAGE_TOO_HIGH (the requested leverage within [1.1x, max initial], inclusive), COLLATERAL_TOO_SMALL (this
 * deposit ≥ $10, also when increasing, as Adrena does), POSITION_TOO_LARGE (existing + size ≤ max position),
 * OPEN_INTEREST_CAP (open interest + size ≤ cap), INSUFFICIENT_LIQUIDITY (`owned − locked ≥ lockAmount`),
 * SLIPPAGE. Returns nothing; throws the first ProtocolError.
 */
export function validateOpen(checks: OpenChecks): void {
  const params = MARKETS[checks.market];
  if (!checks.marketOpen) throw new ProtocolError('MARKET_CLOSED', `The ${checks.market} market is closed now; it trades again when the market reopens.`);
  if (checks.oracleStale) throw new ProtocolError('ORACLE_STALE', `The ${checks.market} price is out of date; wait for a fresh price and try again.`);
  if (checks.leverageBps < PROTOCOL.minLeverageBps)
    throw new ProtocolError('LEVERAGE_TOO_LOW', `Leverage ${describeLeverage(checks.leverageBps)} is below the minimum of ${describeLeverage(PROTOCOL.minLeverageBps)}.`);
  if (checks.leverageBps > params.maxInitialLeverageBps)
    throw new ProtocolError('LEVERAGE_TOO_HIGH', `Leverage ${describeLeverage(checks.leverageBps)} is above this market's maximum of ${describeLeverage(params.maxInitialLeverageBps)}.`);
  if (checks.collateralUsd < PROTOCOL.minCollateralUsd)
    throw new ProtocolError('COLLATERAL_TOO_SMALL', `Collateral worth ${describeUsd(checks.collateralUsd)} is below the minimum of ${describeUsd(PROTOCOL.minCollateralUsd)}; add more collateral.`);
  checkSizeLimits({ market: checks.market, side: checks.side, sizeUsd: checks.sizeUsd, existingSizeUsd: checks.existingSizeUsd ?? 0n, openInterestUsd: checks.openInterestUsd });
  if (checks.freeLiquidity < checks.lockAmount)
    throw new ProtocolError('INSUFFICIENT_LIQUIDITY', `The pool does not have enough free liquidity for this ${checks.side}; lower the size or leverage.`);
  checkEntrySlippage({ side: checks.side, price: checks.entryPrice, acceptablePrice: checks.acceptablePrice });
}

function checkSizeLimits({ market, side, sizeUsd, existingSizeUsd, openInterestUsd }: { market: MarketId; side: Side; sizeUsd: bigint; existingSizeUsd: bigint; openInterestUsd: bigint }): void {
  const params = MARKETS[market];
  if (existingSizeUsd + sizeUsd > params.maxPositionUsd)
    throw new ProtocolError('POSITION_TOO_LARGE', `A ${market} position of ${describeUsd(existingSizeUsd + sizeUsd)} is above the maximum of ${describeUsd(params.maxPositionUsd)}; lower the size.`);
  if (openInterestUsd + sizeUsd > params.openInterestCapUsd)
    throw new ProtocolError('OPEN_INTEREST_CAP', `${market} ${side}s would reach ${describeUsd(openInterestUsd + sizeUsd)} of open interest, above the cap of ${describeUsd(params.openInterestCapUsd)}; lower the size.`);
}

/** §5.2: refused with SLIPPAGE if a long's entry is above, or a short's below, `acceptablePrice` (if given). */
export function checkEntrySlippage({ side, price, acceptablePrice }: { side: Side; price: bigint; acceptablePrice?: bigint | undefined }): void {
  if (acceptablePrice === undefined) return;
  const moved = side === 'long' ? price > acceptablePrice : price < acceptablePrice;
  if (moved)
    throw new ProtocolError('SLIPPAGE', `The price moved to ${describePrice(price)}, beyond your acceptable ${describePrice(acceptablePrice)}; review the price and try again.`);
}

/**
 * §3: ALP longs post the market's token or USDC (swapped into the market token first); ALP shorts and all
 * RWALP positions post USDC. Throws UNSUPPORTED_COLLATERAL otherwise.
 */
export function checkCollateralToken({ market, side, token }: { market: MarketId; side: Side; token: TokenId }): void {
  const allowed = MARKETS[market].collateralTokens(side);
  if (!allowed.includes(token))
    throw new ProtocolError('UNSUPPORTED_COLLATERAL', `A ${market} ${side} takes ${allowed.join(' or ')} as collateral, not ${token}.`);
}
