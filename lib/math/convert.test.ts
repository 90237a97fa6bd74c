import { describe, expect, it } from 'vitest';
import { tokenToUsd, usdToTokens } from './convert';

describe('tokenToUsd (§1)', () => {
  it.each([
    // 2 SOL at 149.625 = $299.25
    [2_000_000_000n, 1_496_250_000_000n, 9, 299_250_000n, 299_250_000n],
    // 10,000,000 BONK at 0.0000249375 = $249.375
    [1_000_000_000_000n, 249_375n, 5, 249_375_000n, 249_375_000n],
    // 1 lamport at $150: 0.00015 micro-dollars → 0 / 1
    [1n, 1_500_000_000_000n, 9, 0n, 1n],
  ])('%s units at %s (%i dec) → floor %s, ceil %s', (amount, price, decimals, floor, ceil) => {
    expect(tokenToUsd({ amount, price, decimals }, 'floor')).toBe(floor);
    expect(tokenToUsd({ amount, price, decimals }, 'ceil')).toBe(ceil);
  });
});

describe('usdToTokens (§1)', () => {
  it.each([
    [1_496_250_000n, 1_496_250_000_000n, 9, 10_000_000_000n, 10_000_000_000n],
    // $1 at $150: 6_666_666.67 lamports
    [1_000_000n, 1_500_000_000_000n, 9, 6_666_666n, 6_666_667n],
    [4_987_500_000n, 249_375n, 5, 20_000_000_000_000n, 20_000_000_000_000n],
  ])('%s usd at %s (%i dec) → floor %s, ceil %s', (usd, price, decimals, floor, ceil) => {
    expect(usdToTokens({ usd, price, decimals }, 'floor')).toBe(floor);
    expect(usdToTokens({ usd, price, decimals }, 'ceil')).toBe(ceil);
  });

  it('refuses a price of zero with INVALID_PRICE', () => {
    expect(() => usdToTokens({ usd: 1n, price: 0n, decimals: 6 }, 'floor')).toThrow(expect.objectContaining({ code: 'INVALID_PRICE' }));
  });
});
