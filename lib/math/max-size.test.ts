import { describe, expect, it } from 'vitest';
import { maxOpenSizeUsd } from './max-size';

const BASE = {
  collateralUsd: 1_000_000_000n,
  maxInitialLeverageBps: 1_000_000n,
  maxPositionUsd: 1_000_000_000_000n,
  existingSizeUsd: 0n,
  openInterestUsd: 0n,
  openInterestCapUsd: 3_000_000_000_000n,
  freeLiquidityUsd: 10n ** 15n,
};

describe('maxOpenSizeUsd (§3, §5)', () => {
  it.each([
    ['leverage binds: $1,000 × 100', {}, 100_000_000_000n],
    ['max position binds', { collateralUsd: 20_000_000_000n, existingSizeUsd: 500_000_000_000n }, 500_000_000_000n],
    ['open-interest cap binds', { openInterestUsd: 2_950_000_000_000n }, 50_000_000_000n],
    ['free liquidity binds', { freeLiquidityUsd: 1_234n }, 1_234n],
    ['never negative', { openInterestUsd: 4_000_000_000_000n }, 0n],
  ])('%s', (_name, change, expected) => expect(maxOpenSizeUsd({ ...BASE, ...change })).toBe(expected));
});
