import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addLiquidityQuote, checkFreeLiquidity, checkMinOut, lpPriceUsd, removeLiquidityQuote } from './liquidity';
import { tokenPrices } from './oracle-band';
import { PRICE_ONE } from './scales';

const AUM = 9_982_500_000_000n;
const SUPPLY = 10_000_000_000_000n;
const SOL_LOW = 1_496_250_000_000n;

describe('lpPriceUsd (§8)', () => {
  it.each([
    [AUM, SUPPLY, 998_250n],
    [0n, 0n, 1_000_000n],
    [123n, 0n, 1_000_000n],
    [10n, 3n, 3_333_333n],
  ])('AUM %s, supply %s → %s', (aumUsd, supply, price) => expect(lpPriceUsd({ aumUsd, supply })).toBe(price));
});

describe('addLiquidityQuote (§8)', () => {
  it.each([
    // 1 SOL, 30 bps fee: 3_000_000 lamports; 0.997 × 149.625 = 149.176125; × 1e13 / 9.9825e12 = 149.437640…
    [1_000_000_000n, 30n, SOL_LOW, 9, AUM, SUPPLY, 3_000_000n, 149_176_125n, 149_437_640n],
    // first deposit mints one LP per dollar
    [1_000_000_000n, 0n, PRICE_ONE, 6, 0n, 0n, 0n, 1_000_000_000n, 1_000_000_000n],
    // the fee rounds up: ceil(1001 × 30 / 10000) = ceil(3.003) = 4
    [1_001n, 30n, PRICE_ONE, 6, 0n, 0n, 4n, 997n, 997n],
  ])('%s units at fee %s bps → fee %s, value %s, LP %s', (amount, addFeeBps, low, decimals, aumUsd, supply, feeAmount, valueUsd, lpOut) => {
    expect(addLiquidityQuote({ amount, addFeeBps, low, decimals, aumUsd, supply })).toEqual({ feeAmount, valueUsd, lpOut });
  });

  it.each([
    [{ amount: 1n, addFeeBps: 0n, low: SOL_LOW, decimals: 9, aumUsd: AUM, supply: SUPPLY }, 'AMOUNT_TOO_SMALL'],
    [{ amount: 10n ** 9n, addFeeBps: 0n, low: SOL_LOW, decimals: 9, aumUsd: 0n, supply: SUPPLY }, 'POOL_EMPTY'],
  ] as const)('refuses %o with %s', (input, code) => {
    expect(() => addLiquidityQuote(input)).toThrow(expect.objectContaining({ code }));
  });
});

describe('removeLiquidityQuote (§8)', () => {
  it.each([
    // 1,000 ALP at 0.99825 = 998.25 USDC gross, fee ceil(0.1%) = 0.99825
    [1_000_000_000n, AUM, SUPPLY, PRICE_ONE, 6, 10n, 998_250_000n, 998_250_000n, 998_250n, 997_251_750n],
    // into SOL at high 150.375: 998.25 / 150.375 = 6.638403990… SOL; fee 30 bps ceil
    [1_000_000_000n, AUM, SUPPLY, 1_503_750_000_000n, 9, 30n, 998_250_000n, 6_638_403_990n, 19_915_212n, 6_618_488_778n],
  ])('%s LP → usd %s, gross %s, fee %s, out %s', (lpAmount, aumUsd, supply, high, decimals, removeFeeBps, usdOut, grossAmount, feeAmount, amountOut) => {
    expect(removeLiquidityQuote({ lpAmount, aumUsd, supply, high, decimals, removeFeeBps })).toEqual({ usdOut, grossAmount, feeAmount, amountOut });
  });

  it.each([
    [{ lpAmount: 1n, aumUsd: 0n, supply: 0n }, 'POOL_EMPTY'],
    [{ lpAmount: SUPPLY + 1n, aumUsd: AUM, supply: SUPPLY }, 'INSUFFICIENT_BALANCE'],
    [{ lpAmount: 1n, aumUsd: AUM, supply: SUPPLY }, 'AMOUNT_TOO_SMALL'],
    [{ lpAmount: 0n, aumUsd: AUM, supply: SUPPLY }, 'AMOUNT_TOO_SMALL'],
  ] as const)('refuses %o with %s', (input, code) => {
    expect(() => removeLiquidityQuote({ ...input, high: PRICE_ONE * 100n, decimals: 6, removeFeeBps: 10n })).toThrow(expect.objectContaining({ code }));
  });
});

describe('checkMinOut / checkFreeLiquidity', () => {
  it('are inclusive', () => {
    expect(() => checkMinOut({ amountOut: 5n, minAmountOut: 5n })).not.toThrow();
    expect(() => checkMinOut({ amountOut: 4n, minAmountOut: 5n })).toThrow(expect.objectContaining({ code: 'MIN_OUT_NOT_MET' }));
    expect(() => checkFreeLiquidity({ owned: 10n, locked: 4n, amount: 6n })).not.toThrow();
    expect(() => checkFreeLiquidity({ owned: 10n, locked: 4n, amount: 7n })).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_LIQUIDITY' }));
  });
});

describe('liquidity properties', () => {
  it('adding then removing liquidity never returns more than was deposited', () => {
    fc.assert(
      fc.property(
        fc.constantFrom({ decimals: 6, fee: 0n, removeFee: 10n, usdc: true }, { decimals: 9, fee: 30n, removeFee: 30n, usdc: false }, { decimals: 5, fee: 100n, removeFee: 100n, usdc: false }),
        fc.bigInt({ min: 10n ** 6n, max: 10n ** 18n }),
        fc.bigInt({ min: 10_000n, max: 10n ** 16n }),
        fc.bigInt({ min: 0n, max: 10n ** 16n }),
        fc.bigInt({ min: 1n, max: 10n ** 16n }),
        (custody, amount, price, aumUsd, supplyRaw) => {
          const band = custody.usdc ? { low: PRICE_ONE, high: PRICE_ONE } : tokenPrices({ token: 'SOL', price });
          const supply = aumUsd === 0n ? 0n : supplyRaw;
          let lpOut: bigint;
          try {
            lpOut = addLiquidityQuote({ amount, addFeeBps: custody.fee, low: band.low, decimals: custody.decimals, aumUsd, supply }).lpOut;
          } catch {
            return; // too small to mint: nothing deposited
          }
          // after the deposit the pool holds the deposit's value more (at least valueUsd: AUM counts owned at low)
          const valueUsd = (amount * band.low) / 10n ** BigInt(custody.decimals + 4);
          const newAum = aumUsd + valueUsd;
          const newSupply = supply + lpOut;
          try {
            const out = removeLiquidityQuote({ lpAmount: lpOut, aumUsd: newAum, supply: newSupply, high: band.high, decimals: custody.decimals, removeFeeBps: custody.removeFee });
            expect(out.amountOut <= amount).toBe(true);
          } catch (e) {
            expect(e).toMatchObject({ code: 'AMOUNT_TOO_SMALL' });
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
