import { describe, expect, it } from 'vitest';
import type { Custody } from '@/lib/client/types';
import { feedQuotesFromMarkets } from './feed-quotes';
import { previewAddLiquidity, previewRemoveLiquidity, ratioChange } from './liquidity-preview';

const USD = 1_000_000n;
const SOL = 1_000_000_000n;
const P = 10_000_000_000n;

// SOL mid $100: low $99.75, high $100.25 (25 bps band)
const quotes = feedQuotesFromMarkets([{ id: 'SOL', price: 100n * P, low: 9_975n * P / 100n, high: 10_025n * P / 100n }]);

function custody(c: Pick<Custody, 'token' | 'decimals' | 'owned' | 'locked' | 'minBps' | 'maxBps' | 'addFeeBps' | 'removeFeeBps'>): Custody {
  return { utilizationBps: 0n, borrowRateHourly: 0n, ratioBps: 0n, targetBps: 0n, price: undefined, low: undefined, high: undefined, ...c };
}

// $300,000 USDC + 7,000 SOL at low $99.75 ($698,250) = $998,250 AUM, 998,250 LP ($1 each). USDC is 30.05%.
const pool = {
  id: 'ALP' as const,
  aumUsd: 998_250n * USD,
  lpSupply: 998_250n * USD,
  custodies: [
    custody({ token: 'USDC', decimals: 6, owned: 300_000n * USD, locked: 0n, minBps: 2_500n, maxBps: 4_000n, addFeeBps: 0n, removeFeeBps: 10n }),
    custody({ token: 'SOL', decimals: 9, owned: 7_000n * SOL, locked: 6_995n * SOL, minBps: 2_800n, maxBps: 7_500n, addFeeBps: 30n, removeFeeBps: 30n }),
  ],
};

const common = { pool, quotes, slippageBps: 50n };

describe('previewAddLiquidity', () => {
  it('1,000 USDC mints 1,000 ALP at $1, min 995 at 0.5% slippage, USDC 30.05% → 30.12%', () => {
    expect(previewAddLiquidity({ ...common, token: 'USDC', amount: 1_000n * USD, balance: 5_000n * USD })).toEqual({
      kind: 'add',
      amount: 1_000n * USD,
      feeAmount: 0n,
      valueUsd: 1_000n * USD,
      lpOut: 1_000n * USD,
      minLpOut: 995n * USD,
      lpPriceUsd: USD,
      ratio: { token: 'USDC', beforeBps: 3_005n, afterBps: 3_012n, minBps: 2_500n, maxBps: 4_000n },
      refusal: undefined,
      cost: { baseUsd: 1_000n * USD, feeUsd: 0n, bandUsd: 0n, totalUsd: 0n }, // USDC: no fee, no band
    });
  });

  it('charges the SOL add fee: 10 SOL − 0.03 SOL fee, valued at low $99.75', () => {
    const preview = previewAddLiquidity({ ...common, token: 'SOL', amount: 10n * SOL, balance: undefined });
    // fee = ceil(10 SOL × 30 / 10000) = 0.03 SOL; value = 9.97 × 99.75 = $994.5075; lpOut = same at $1
    expect(preview).toMatchObject({ feeAmount: 30_000_000n, valueUsd: 994_507_500n, lpOut: 994_507_500n });
    // the whole cost at the $100 mid: fee 0.03 SOL = $3; band = 9.97 × (100 − 99.75) = $2.4925; of $1,000
    expect(preview).toMatchObject({ cost: { baseUsd: 1_000n * USD, feeUsd: 3n * USD, bandUsd: 2_492_500n, totalUsd: 5_492_500n } });
  });

  it('explains the ratio refusal before signing: 170,000 USDC would make USDC 40.23% of ALP', () => {
    const preview = previewAddLiquidity({ ...common, token: 'USDC', amount: 170_000n * USD, balance: 1_000_000n * USD });
    // (300,000 + 170,000) / (998,250 + 170,000) = 40.23%
    expect(preview).toMatchObject({
      refusal: { code: 'RATIO_OUT_OF_BAND', message: 'USDC would be 40.23% of ALP; the maximum is 40%.' },
    });
  });

  it('states the ratio rule before the balance, as the engine checks them', () => {
    expect(previewAddLiquidity({ ...common, token: 'USDC', amount: 170_000n * USD, balance: 2n * USD })).toMatchObject({
      refusal: { code: 'RATIO_OUT_OF_BAND' },
    });
  });

  it('refuses more than the wallet holds', () => {
    expect(previewAddLiquidity({ ...common, token: 'USDC', amount: 1_000n * USD, balance: 2n * USD })).toMatchObject({
      refusal: { code: 'INSUFFICIENT_BALANCE', message: 'You have 2 USDC; deposit at most that.' },
    });
  });

  it('has no preview for zero, an unknown custody or a missing price', () => {
    expect(previewAddLiquidity({ ...common, token: 'USDC', amount: 0n, balance: undefined })).toBeUndefined();
    expect(previewAddLiquidity({ ...common, token: 'BONK', amount: 1n, balance: undefined })).toBeUndefined();
    expect(previewAddLiquidity({ ...common, quotes: {}, token: 'SOL', amount: 1n, balance: undefined })).toBeUndefined();
  });

  it('returns the math refusal when nothing would be minted', () => {
    expect(previewAddLiquidity({ ...common, token: 'SOL', amount: 1n, balance: undefined })).toEqual({
      code: 'AMOUNT_TOO_SMALL',
      message: 'This deposit is too small to mint any LP token; deposit more.',
    });
  });
});

describe('previewRemoveLiquidity', () => {
  it('1,000 ALP into USDC pays 999 USDC after the 10 bps fee', () => {
    expect(previewRemoveLiquidity({ ...common, token: 'USDC', lpAmount: 1_000n * USD, lpBalance: 1_000n * USD })).toMatchObject({
      kind: 'remove',
      usdOut: 1_000n * USD,
      grossAmount: 1_000n * USD,
      feeAmount: 1n * USD,
      amountOut: 999n * USD,
      // floor(999 × 0.995) = 994.005 USDC
      minAmountOut: 994_005_000n,
      lpPriceUsd: USD,
      refusal: undefined,
    });
  });

  it('refuses SOL when the free SOL (5) is below the 9.945 SOL out', () => {
    // gross = floor(1,000 / 100.25 SOL) = 9.975062344; fee = ceil(× 0.003) = 0.029925188; out = 9.945137156
    expect(previewRemoveLiquidity({ ...common, token: 'SOL', lpAmount: 1_000n * USD, lpBalance: undefined })).toMatchObject({
      grossAmount: 9_975_062_344n,
      feeAmount: 29_925_188n,
      amountOut: 9_945_137_156n,
      refusal: { code: 'INSUFFICIENT_LIQUIDITY' },
    });
  });

  it('explains the ratio refusal: withdrawing 70,000 ALP as USDC would leave USDC at 24.78%', () => {
    // out = 69,930 USDC; (300,000 − 69,930) / (998,250 − 69,930) = 24.78%
    expect(previewRemoveLiquidity({ ...common, token: 'USDC', lpAmount: 70_000n * USD, lpBalance: 70_000n * USD })).toMatchObject({
      refusal: { code: 'RATIO_OUT_OF_BAND', message: 'USDC would be 24.78% of ALP; the minimum is 25%.' },
    });
  });

  it('refuses more LP than the wallet holds', () => {
    expect(previewRemoveLiquidity({ ...common, token: 'USDC', lpAmount: 2n * USD, lpBalance: 1_500_000n })).toMatchObject({
      refusal: { code: 'INSUFFICIENT_BALANCE', message: 'You hold 1.5 ALP; withdraw at most that.' },
    });
  });
});

describe('ratioChange', () => {
  it('moves only the chosen custody', () => {
    // SOL after −9.945137156: floor((7,000 − 9.945137156) × 99.75) = $697,257.972568; USDC = 300,000 / 997,257.97 = 30.08%
    expect(ratioChange({ pool, quotes, token: 'USDC', delta: 0n })?.afterBps).toBe(3_005n);
    const sol = ratioChange({ pool, quotes, token: 'SOL', delta: -9_945_137_156n });
    expect(sol).toEqual({ token: 'SOL', beforeBps: 6_994n, afterBps: 6_991n, minBps: 2_800n, maxBps: 7_500n });
  });
});
