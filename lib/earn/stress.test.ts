import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PoolExposure } from '@/lib/client/types';
import { feedQuotesFromMarkets } from './feed-quotes';
import { aggregateFromExposure, movedPrice, stressFeeds, stressPool } from './stress';
import type { StressInput } from './stress';

const USD = 1_000_000n;
const P = 10_000_000_000n; // $1 in price units (1e10)

const quotes = feedQuotesFromMarkets([
  // SOL mid $100, band 25 bps: low $99.75, high $100.25
  { id: 'SOL', price: 100n * P, low: 9_975n * P / 100n, high: 10_025n * P / 100n },
  { id: 'XAU', price: 2_000n * P, low: 1_995n * P, high: 2_005n * P },
]);

const custody = (token: 'USDC' | 'SOL', decimals: number, owned: bigint) => ({ token, decimals, owned, price: undefined, low: undefined, high: undefined });

const cryptoPool: StressInput['pool'] = {
  // $1,000,000 USDC + 1,000 SOL at low $99.75 = $1,099,750; supply 1,099,750 LP → $1.000000
  aumUsd: 1_099_750n * USD,
  lpSupply: 1_099_750n * USD,
  lpPriceUsd: USD,
  custodies: [custody('USDC', 6, 1_000_000n * USD), custody('SOL', 9, 1_000n * 10n ** 9n)],
  exposures: [],
};

const rwaPool = (exposures: PoolExposure[]): StressInput['pool'] => ({
  aumUsd: 1_000_000n * USD,
  lpSupply: 1_000_000n * USD,
  lpPriceUsd: USD,
  custodies: [custody('USDC', 6, 1_000_000n * USD)],
  exposures,
});

describe('movedPrice', () => {
  it.each([
    { price: 100n * P, moveBps: -2_000n, expected: 80n * P },
    { price: 100n * P, moveBps: 1_000n, expected: 110n * P },
    // floor: 3 × 0.9999 = 2.9997 units
    { price: 3n, moveBps: -1n, expected: 2n },
    { price: 100n * P, moveBps: -10_000n, expected: 0n },
    { price: 100n * P, moveBps: -50_000n, expected: 0n },
  ])('$price moved $moveBps bps → $expected', ({ price, moveBps, expected }) => {
    expect(movedPrice({ price, moveBps })).toBe(expected);
  });
});

describe('stressPool', () => {
  it('revalues the SOL custody at the moved low: SOL −20% takes ALP from $1 to $0.981859', () => {
    // SOL $80, low $79.80: 1,000 SOL = $79,800; AUM = $1,079,800; LP = floor(1,079,800 / 1,099,750 × 1e6) = 981,859
    const result = stressPool({ pool: cryptoPool, quotes, feed: 'SOL', moveBps: -2_000n });
    expect(result).toEqual({
      movedPrice: 80n * P,
      aumUsd: 1_079_800n * USD,
      lpPriceUsd: 981_859n,
      aumChangeUsd: -19_950n * USD,
      // (981,859 − 1,000,000) × 10000 / 1,000,000 = −181.41 → −182 (toward −∞)
      lpPriceChangeBps: -182n,
    });
  });

  it.each([
    // traders long $100k of XAU from $2,000: +10% → traders +$10,000, LPs −$10,000 → LP $0.99
    { side: 'long' as const, moveBps: 1_000n, aumUsd: 990_000n * USD, lpPriceUsd: 990_000n },
    // same long, −10% → traders −$10,000, LPs +$10,000 → LP $1.01
    { side: 'long' as const, moveBps: -1_000n, aumUsd: 1_010_000n * USD, lpPriceUsd: 1_010_000n },
    // short $100k from $2,000, +10% → traders −$10,000 → LP $1.01
    { side: 'short' as const, moveBps: 1_000n, aumUsd: 1_010_000n * USD, lpPriceUsd: 1_010_000n },
  ])('XAU $side, move $moveBps bps → LP $lpPriceUsd', ({ side, moveBps, aumUsd, lpPriceUsd }) => {
    const pool = rwaPool([{ market: 'XAU', side, sizeUsd: 100_000n * USD, avgEntryPrice: 2_000n * P, pricePnlUsd: 0n }]);
    const result = stressPool({ pool, quotes, feed: 'XAU', moveBps });
    expect(result?.aumUsd).toBe(aumUsd);
    expect(result?.lpPriceUsd).toBe(lpPriceUsd);
  });

  it('leaves markets of other feeds alone', () => {
    const pool = rwaPool([{ market: 'XAU', side: 'long', sizeUsd: 100_000n * USD, avgEntryPrice: 2_000n * P, pricePnlUsd: 0n }]);
    // SOL is not priced in this pool: nothing moves.
    expect(stressPool({ pool, quotes, feed: 'SOL', moveBps: -5_000n })?.aumUsd).toBe(1_000_000n * USD);
  });

  it('keeps what the server counts beyond price (accrued borrow fees): a zero move returns the server AUM', () => {
    const pool = { ...rwaPool([{ market: 'XAU', side: 'short' as const, sizeUsd: 7_777n * USD, avgEntryPrice: 1_999n * P, pricePnlUsd: 0n }]), aumUsd: 1_000_123n * USD };
    expect(stressPool({ pool, quotes, feed: 'XAU', moveBps: 0n })?.aumUsd).toBe(1_000_123n * USD);
  });

  it('never lets AUM fall below 0', () => {
    const pool = rwaPool([{ market: 'XAU', side: 'long', sizeUsd: 1_000_000n * USD, avgEntryPrice: 2_000n * P, pricePnlUsd: 0n }]);
    const result = stressPool({ pool, quotes, feed: 'XAU', moveBps: 30_000n });
    expect(result?.aumUsd).toBe(0n);
    expect(result?.lpPriceUsd).toBe(0n);
  });

  it('has no answer without a price for a custody', () => {
    const pool = { ...cryptoPool, custodies: [custody('USDC', 6, 1n), { ...custody('SOL', 9, 1n), token: 'WBTC' as const, decimals: 8 }] };
    expect(stressPool({ pool, quotes, feed: 'SOL', moveBps: 100n })).toBeUndefined();
  });

  it('a zero move is the identity, and a larger move of a long never raises the LP price (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.bigInt({ min: 10n ** 9n, max: 10n ** 15n }),
        fc.bigInt({ min: 0n, max: 5_000n }),
        (sizeUsd, entry, moveBps) => {
          const pool = rwaPool([{ market: 'XAU', side: 'long', sizeUsd, avgEntryPrice: entry, pricePnlUsd: 0n }]);
          const still = stressPool({ pool, quotes, feed: 'XAU', moveBps: 0n });
          const small = stressPool({ pool, quotes, feed: 'XAU', moveBps });
          const large = stressPool({ pool, quotes, feed: 'XAU', moveBps: moveBps + 100n });
          return still?.aumUsd === pool.aumUsd && small !== undefined && large !== undefined && large.lpPriceUsd <= small.lpPriceUsd;
        },
      ),
    );
  });
});

describe('aggregateFromExposure', () => {
  it('rebuilds size over entry (floored for a long, ceiled for a short)', () => {
    // $3 at $7 (price units): 3e6 × 1e20 / 7e10 = 4,285,714,285,714,285.71…
    expect(aggregateFromExposure({ side: 'long', sizeUsd: 3n * USD, avgEntryPrice: 7n * P }).sizeOverEntry).toBe(4_285_714_285_714_285n);
    expect(aggregateFromExposure({ side: 'short', sizeUsd: 3n * USD, avgEntryPrice: 7n * P }).sizeOverEntry).toBe(4_285_714_285_714_286n);
    expect(aggregateFromExposure({ side: 'long', sizeUsd: 0n, avgEntryPrice: 0n }).sizeUsd).toBe(0n);
  });
});

describe('stressFeeds', () => {
  it('lists the feeds of each pool’s markets', () => {
    expect(stressFeeds('ALP')).toEqual(['SOL', 'BTC', 'BONK']);
    expect(stressFeeds('RWALP')).toEqual(['XAU', 'XAG', 'WTI']);
  });
});
