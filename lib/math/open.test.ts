import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkCollateralToken, computeOpen, validateOpen } from './open';
import { tokenPrices } from './oracle-band';
import { pow10 } from './scales';
import type { OpenChecks, OpenInput } from './open';
import { PRICE_ONE } from './scales';

const SOL_MID = 1_500_000_000_000n;
const SOL_LOW = 1_496_250_000_000n;

const SOL_LONG: OpenInput = {
  market: 'SOL',
  side: 'long',
  collateralAmount: 2_000_000_000n,
  collateralLow: SOL_LOW,
  collateralDecimals: 9,
  leverageBps: 50_000n,
  price: SOL_MID,
  lockLow: SOL_LOW,
  lockDecimals: 9,
};

const BTC_SHORT: OpenInput = {
  market: 'BTC',
  side: 'short',
  collateralAmount: 500_000_000n,
  collateralLow: PRICE_ONE,
  collateralDecimals: 6,
  leverageBps: 200_000n,
  price: 950_000_000_000_000n,
  lockLow: PRICE_ONE,
  lockDecimals: 6,
};

const BONK_LONG: OpenInput = {
  market: 'BONK',
  side: 'long',
  collateralAmount: 1_000_000_000_000n,
  collateralLow: 249_375n,
  collateralDecimals: 5,
  leverageBps: 200_000n,
  price: 250_000n,
  lockLow: 249_375n,
  lockDecimals: 5,
};

const XAU_LONG: OpenInput = {
  market: 'XAU',
  side: 'long',
  collateralAmount: 1_000_000_000n,
  collateralLow: PRICE_ONE,
  collateralDecimals: 6,
  leverageBps: 100_000n,
  price: 26_500_000_000_000n,
  lockLow: PRICE_ONE,
  lockDecimals: 6,
};

describe('computeOpen (§5): worked examples', () => {
  it.each([
    // 2 SOL × 149.625 = $299.25; ×5 = $1,496.25; lock 1496.25 / 149.625 = 10 SOL; fees 10 / 20 bps;
    // liq: maxLoss = 7.48125 + 2.9925 = 10.47375, Δ = 288.77625 × 150 / 1496.25 = 28.95 → 121.05
    ['long SOL 2 SOL 5x', SOL_LONG, 299_250_000n, 1_496_250_000n, 10_000_000_000n, 1_496_250n, 2_992_500n, 1_210_500_000_000n],
    // 500 USDC × 20 = $10,000; lock $10,000 USDC; maxLoss = 50 + 20 = 70, Δ = 430 × 95,000 / 10,000 = 4,085 → 99,085
    ['short BTC 500 USDC 20x', BTC_SHORT, 500_000_000n, 10_000_000_000n, 10_000_000_000n, 10_000_000n, 20_000_000n, 990_850_000_000_000n],
    // 10M BONK × 0.0000249375 = $249.375; ×20 = $4,987.5; lock 200M BONK; liq fee 30 bps = 14.9625;
    // maxLoss = 49.875 + 14.9625 = 64.8375, Δ = 184.5375 × 0.000025 / 4987.5 = 0.000000925 → 0.000024075
    ['long BONK 10M 20x', BONK_LONG, 249_375_000n, 4_987_500_000n, 20_000_000_000_000n, 8_977_500n, 14_962_500n, 240_750n],
    // RWALP long locks USDC one to one; maxLoss = 100 + 20, Δ = 880 × 2650 / 10,000 = 233.2 → 2416.8
    ['long XAU 1000 USDC 10x', XAU_LONG, 1_000_000_000n, 10_000_000_000n, 10_000_000_000n, 10_000_000n, 20_000_000n, 24_168_000_000_000n],
  ])('%s', (_name, input, collateralUsd, sizeUsd, lockAmount, exitFeeUsd, liquidationFeeUsd, liquidationPrice) => {
    expect(computeOpen(input)).toEqual({
      collateralAmount: input.collateralAmount,
      collateralUsd,
      sizeUsd,
      entryPrice: input.price,
      lockAmount,
      openFeeUsd: 0n,
      exitFeeUsd,
      liquidationFeeUsd,
      liquidationPrice,
    });
  });

  it('rounds the lock up and the size down', () => {
    const quote = computeOpen({ ...SOL_LONG, collateralAmount: 100_000_000n, leverageBps: 11_111n });
    // collateral = floor(0.1 × 149.625) = 14.9625 → 14_962_500; size = floor(14_962_500 × 1.1111) = 16_624_833
    expect(quote.collateralUsd).toBe(14_962_500n);
    expect(quote.sizeUsd).toBe(16_624_833n);
    // 16.624833 / 149.625 SOL = 0.11110999499… → ceil 111_109_995 lamports
    expect(quote.lockAmount).toBe(111_109_995n);
  });
});

const BASE_CHECKS: OpenChecks = {
  market: 'SOL',
  side: 'long',
  leverageBps: 50_000n,
  collateralUsd: 299_250_000n,
  sizeUsd: 1_496_250_000n,
  entryPrice: SOL_MID,
  lockAmount: 10_000_000_000n,
  acceptablePrice: SOL_MID,
  freeLiquidity: 10_000_000_000n,
  openInterestUsd: 0n,
  marketOpen: true,
};

describe('validateOpen (§5): one code per refusal, in a fixed order', () => {
  it('accepts a valid open at every inclusive limit', () => {
    expect(() => validateOpen(BASE_CHECKS)).not.toThrow();
    expect(() => validateOpen({ ...BASE_CHECKS, leverageBps: 11_000n })).not.toThrow();
    expect(() => validateOpen({ ...BASE_CHECKS, leverageBps: 1_000_000n })).not.toThrow();
    expect(() => validateOpen({ ...BASE_CHECKS, collateralUsd: 10_000_000n })).not.toThrow();
    expect(() => validateOpen({ ...BASE_CHECKS, existingSizeUsd: 1_000_000_000_000n - 1_496_250_000n })).not.toThrow();
    expect(() => validateOpen({ ...BASE_CHECKS, openInterestUsd: 3_000_000_000_000n - 1_496_250_000n })).not.toThrow();
    expect(() => validateOpen({ ...BASE_CHECKS, acceptablePrice: undefined })).not.toThrow();
    expect(() => validateOpen({ ...BASE_CHECKS, side: 'short', acceptablePrice: SOL_MID })).not.toThrow();
  });

  it.each([
    ['MARKET_CLOSED', { marketOpen: false, leverageBps: 5_000_000n }, 'The SOL market is closed now; it trades again when the market reopens.'],
    ['ORACLE_STALE', { oracleStale: true, leverageBps: 5_000_000n }, 'The SOL price is out of date; wait for a fresh price and try again.'],
    ['LEVERAGE_TOO_LOW', { leverageBps: 10_999n }, 'Leverage 1.0999x is below the minimum of 1.1x.'],
    ['LEVERAGE_TOO_HIGH', { leverageBps: 1_500_000n, collateralUsd: 1n }, "Leverage 150x is above this market's maximum of 100x."],
    ['COLLATERAL_TOO_SMALL', { collateralUsd: 9_999_999n, sizeUsd: 10n ** 13n }, 'Collateral worth $9.99 is below the minimum of $10; add more collateral.'],
    ['POSITION_TOO_LARGE', { existingSizeUsd: 999_000_000_000n, openInterestUsd: 10n ** 13n }, 'A SOL position of $1,000,496.25 is above the maximum of $1,000,000; lower the size.'],
    ['OPEN_INTEREST_CAP', { openInterestUsd: 2_999_000_000_000n, freeLiquidity: 0n }, 'SOL longs would reach $3,000,496.25 of open interest, above the cap of $3,000,000; lower the size.'],
    ['INSUFFICIENT_LIQUIDITY', { freeLiquidity: 9_999_999_999n, acceptablePrice: 1n }, 'The pool does not have enough free liquidity for this long; lower the size or leverage.'],
    ['SLIPPAGE', { acceptablePrice: SOL_MID - 1n }, 'The price moved to $150, beyond your acceptable $149.9999999999; review the price and try again.'],
    ['SLIPPAGE', { side: 'short', acceptablePrice: SOL_MID + 1n }, 'The price moved to $150, beyond your acceptable $150.0000000001; review the price and try again.'],
  ] as const)('%s', (code, change, message) => {
    expect(() => validateOpen({ ...BASE_CHECKS, ...change })).toThrow(expect.objectContaining({ code, message }));
  });
});

describe('checkCollateralToken (§3)', () => {
  it.each([
    ['SOL', 'long', 'SOL', true],
    ['SOL', 'long', 'USDC', true],
    ['SOL', 'short', 'USDC', true],
    ['XAU', 'long', 'USDC', true],
    ['SOL', 'short', 'SOL', false],
    ['BTC', 'long', 'SOL', false],
  ] as const)('%s %s with %s → %s', (market, side, token, ok) => {
    const check = (): void => checkCollateralToken({ market, side, token });
    if (ok) expect(check).not.toThrow();
    else expect(check).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_COLLATERAL' }));
  });

  it('names the allowed tokens', () => {
    expect(() => checkCollateralToken({ market: 'SOL', side: 'short', token: 'SOL' })).toThrow('A SOL short takes USDC as collateral, not SOL.');
  });
});

describe('computeOpen rounding (property)', () => {
  it('values collateral and size down, the lock and fees up, never in the trader’s favour', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['SOL', 'SOL', 9] as const, ['BONK', 'BONK', 5] as const, ['BTC', 'WBTC', 8] as const),
        fc.bigInt({ min: 1n, max: 10n ** 18n }),
        fc.bigInt({ min: 11_000n, max: 1_000_000n }),
        fc.bigInt({ min: 1_000n, max: 10n ** 16n }),
        ([market, token, decimals], collateralAmount, leverageBps, price) => {
          const { low } = tokenPrices({ token, price });
          const q = computeOpen({ market, side: 'long', collateralAmount, collateralLow: low, collateralDecimals: decimals, leverageBps, price, lockLow: low, lockDecimals: decimals });
          const scale = pow10(decimals + 4);
          expect(q.collateralUsd * scale <= collateralAmount * low).toBe(true);
          expect(q.sizeUsd * 10_000n <= q.collateralUsd * leverageBps).toBe(true);
          expect(q.lockAmount * low >= q.sizeUsd * scale).toBe(true);
          expect(q.exitFeeUsd * 10_000n >= q.sizeUsd * 10n).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
