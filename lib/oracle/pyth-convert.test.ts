import { describe, expect, it } from 'vitest';
import { pythToPrice } from './pyth-convert';

describe('pythToPrice: (price, expo) → 1e10, exact', () => {
  it.each([
    // SOL $150.12345 at expo −5: 15012345 × 10^5
    ['15012345', -5, 1_501_234_500_000n],
    // SOL at expo −8 (Pyth's usual): 15012345678 × 10^2
    ['15012345678', -8, 1_501_234_567_800n],
    // expo −10: unchanged
    ['1501234567890', -10, 1_501_234_567_890n],
    // BONK $0.0000251234567891 at expo −12 would be 25123456 × 10^−12 → ⌊25123456 / 100⌋ = 251234 (floor)
    ['25123456', -12, 251_234n],
    ['25123499', -12, 251_234n],
    // expo 0 and positive: multiply
    ['70', 0, 700_000_000_000n],
    ['7', 1, 700_000_000_000n],
    ['3', 2, 3_000_000_000_000n],
    // far negative exponent keeps an exact floor: 999 × 10^−13 → ⌊999/1000⌋ = 0 → no usable price
    ['999', -13, undefined],
    ['1000', -13, 1n],
    // USDC at expo −8
    ['99990000', -8, 9_999_000_000n],
  ])('%s × 10^%i → %s', (price, expo, expected) => {
    expect(pythToPrice({ price, expo })).toBe(expected);
  });

  it.each([['0'], ['-15012345678'], ['1.5'], ['1e8'], ['0x10'], ['']])('rejects %j', (price) => {
    expect(pythToPrice({ price, expo: -8 })).toBeUndefined();
  });

  it('handles a 78-digit mantissa without precision loss', () => {
    const big = '9'.repeat(40);
    expect(pythToPrice({ price: big, expo: -8 })).toBe(BigInt(big) * 100n);
  });
});
