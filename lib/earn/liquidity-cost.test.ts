import { describe, expect, it } from 'vitest';
import { addLiquidityCost, removeLiquidityCost } from './liquidity-cost';

const SOL_MID = 1_500_000_000_000n; // $150

describe('the total effective cost of an LP action (fee + band), in USD', () => {
  it('deposit 1 SOL at $150 (30 bps fee, valued at the low $149.625)', () => {
    // fee 0.003 SOL = $0.45; valueUsd = floor(0.997 × 149.625) = 149.176125; band = 149.55 − 149.176125 = 0.373875
    expect(addLiquidityCost({ amount: 1_000_000_000n, feeAmount: 3_000_000n, valueUsd: 149_176_125n, mid: SOL_MID, decimals: 9 })).toEqual({
      baseUsd: 150_000_000n,
      feeUsd: 450_000n,
      bandUsd: 373_875n,
      totalUsd: 823_875n,
    });
  });

  it('deposit 100 USDC: no fee, no band (USDC is $1 exactly)', () => {
    expect(addLiquidityCost({ amount: 100_000_000n, feeAmount: 0n, valueUsd: 100_000_000n, mid: 10_000_000_000n, decimals: 6 })).toEqual({ baseUsd: 100_000_000n, feeUsd: 0n, bandUsd: 0n, totalUsd: 0n });
  });

  it('withdraw $150 of LP into SOL (paid at the high $150.375, 30 bps fee)', () => {
    // gross = floor(150 / 150.375) = 0.997506234 SOL ($149.625935 at mid); fee = ceil(gross × 0.003) = 0.002992519
    expect(removeLiquidityCost({ usdOut: 150_000_000n, grossAmount: 997_506_234n, feeAmount: 2_992_519n, mid: SOL_MID, decimals: 9 })).toEqual({
      baseUsd: 150_000_000n,
      feeUsd: 448_877n,
      bandUsd: 374_065n,
      totalUsd: 822_943n,
    });
  });
});
