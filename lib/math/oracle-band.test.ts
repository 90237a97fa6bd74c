import { describe, expect, it } from 'vitest';
import { isPriceStale, priceBand, tokenPrices } from './oracle-band';
import { PRICE_ONE } from './scales';

describe('priceBand (§2)', () => {
  it.each([
    // 150 × 0.9975 = 149.625; 150 × 1.0025 = 150.375
    [1_500_000_000_000n, 25n, 1_496_250_000_000n, 1_503_750_000_000n],
    // 0.000025 × 0.9975 = 249_375 exactly; high 250_625
    [250_000n, 25n, 249_375n, 250_625n],
    // 3 × 9975 / 10000 = 2.9925 → floor 2; 3 × 10025 / 10000 = 3.0075 → ceil 4
    [3n, 25n, 2n, 4n],
    [PRICE_ONE, 0n, PRICE_ONE, PRICE_ONE],
  ])('price %s band %s → low %s, high %s', (price, bandBps, low, high) => {
    expect(priceBand({ price, bandBps })).toEqual({ low, high });
  });
});

describe('tokenPrices', () => {
  it('applies the feed band to SOL and pins USDC at $1', () => {
    expect(tokenPrices({ token: 'SOL', price: 1_500_000_000_000n })).toEqual({ price: 1_500_000_000_000n, low: 1_496_250_000_000n, high: 1_503_750_000_000n });
    expect(tokenPrices({ token: 'USDC', price: 9_990_000_000n })).toEqual({ price: PRICE_ONE, low: PRICE_ONE, high: PRICE_ONE });
  });
});

describe('isPriceStale (§2)', () => {
  it.each([
    [1_000, 1_030, 30, false],
    [1_000, 1_031, 30, true],
    [1_000, 999, 30, false],
  ])('published %i, now %i, max age %i → %s', (publishTime, nowS, maxAgeS, stale) => {
    expect(isPriceStale({ publishTime, nowS, maxAgeS })).toBe(stale);
  });
});
