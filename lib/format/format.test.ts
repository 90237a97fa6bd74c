import { describe, expect, it } from 'vitest';
import { shortAddress } from '@/lib/format/address';
import { changeBps, formatAprFromHourly, formatBps, formatChange, formatLeverage, formatRateHourly } from '@/lib/format/percent';
import { formatPrice, priceToInput } from '@/lib/format/price';
import { formatDateTimeUtc, formatDuration, timeUntil } from '@/lib/format/time';
import { formatTokenAmount, tokenAmountToInput } from '@/lib/format/token';
import { formatUsd } from '@/lib/format/usd';

describe('formatUsd (1e6)', () => {
  it.each([
    [1_234_560_000n, {}, '$1,234.56'],
    [-1_234_560_000n, {}, '-$1,234.56'],
    [12_000_000n, { sign: true }, '+$12.00'],
    [-12_000_000n, { sign: true }, '-$12.00'],
    [0n, { sign: true }, '$0.00'],
    [4_000n, { sign: true }, '$0.00'], // rounds to zero: no sign
    [-4_000n, {}, '$0.00'],
    [10_000_000n, { digits: 0 }, '$10'],
    [9_999_000_000n, { compact: true }, '$9,999.00'],
    [12_345_000_000n, { compact: true }, '$12.35K'], // 12,345 / 1,000 = 12.345 → half away from zero → 12.35
    [3_500_000_000_000n, { compact: true }, '$3.50M'],
    [-2_100_000_000_000_000n, { compact: true }, '-$2.10B'],
  ] as const)('%s %o → %s', (usd, opts, expected) => {
    expect(formatUsd(usd, opts)).toBe(expected);
  });
});

describe('formatPrice (1e10)', () => {
  it.each([
    [1_502_500_000_000n, 'SOL', '$150.25'],
    [950_004_500_000_000n, 'BTC', '$95,000.5'],
    [234_567n, 'BONK', '$0.00002346'],
    [26_504_000_000_000n, 'XAU', '$2,650.40'],
    [312_450_000_000n, 'XAG', '$31.245'],
    [701_234_000_000n, 'WTI', '$70.12'],
  ] as const)('%s on %s → %s', (price, market, expected) => {
    expect(formatPrice(price, { market })).toBe(expected);
  });

  it.each([
    [1_502_500_000_000n, '$150.25'],
    [234_567n, '$0.00002346'],
    [10_000_000_000n, '$1.00'],
  ])('without a market %s → %s', (price, expected) => {
    expect(formatPrice(price)).toBe(expected);
  });

  it('omits the dollar on request and writes input text without grouping', () => {
    expect(formatPrice(1_502_500_000_000n, { market: 'SOL', dollar: false })).toBe('150.25');
    expect(priceToInput(950_000_000_000_000n, { market: 'BTC' })).toBe('95000');
    expect(priceToInput(1_502_500_000_000n)).toBe('150.25');
  });
});

describe('formatTokenAmount', () => {
  it.each([
    [1_500_000_000n, 9, {}, '1.5'],
    [1_234_567_890n, 9, {}, '1.2346'],
    [10_000_000n, 8, { maxDigits: 6 }, '0.1'],
    [40_000_000_000_000n, 5, { symbol: 'BONK' }, '400,000,000 BONK'],
    [10_000_000_000n, 6, { symbol: 'USDC' }, '10,000 USDC'],
    [0n, 6, {}, '0'],
  ] as const)('%s with %s decimals %o → %s', (amount, decimals, opts, expected) => {
    expect(formatTokenAmount(amount, decimals, opts)).toBe(expected);
  });

  it('keeps every digit for input text', () => {
    expect(tokenAmountToInput(1_234_567_891n, 9)).toBe('1.234567891');
    expect(tokenAmountToInput(1_000_000_000_000n, 6)).toBe('1000000');
  });
});

describe('bps, leverage and rates', () => {
  it.each([
    [10n, {}, '0.10%'],
    [10_000n, {}, '100.00%'],
    [125n, { sign: true }, '+1.25%'],
    [-125n, { sign: true }, '-1.25%'],
    [3_333n, { digits: 1 }, '33.3%'],
  ] as const)('formatBps(%s, %o) → %s', (bps, opts, expected) => {
    expect(formatBps(bps, opts)).toBe(expected);
  });

  it.each([
    [100_000n, '10.0x'],
    [11_000n, '1.1x'],
    [1_000_000n, '100.0x'],
    [123_456n, '12.3x'],
    [undefined, '∞'],
  ])('formatLeverage(%s) → %s', (bps, expected) => {
    expect(formatLeverage(bps)).toBe(expected);
  });

  it.each([
    [22_831n, '0.0023%/h', '20.00%'], // 22,831 × 8,760 = 199,999,560 → 19.999956% → 20.00%
    [91_895n, '0.0092%/h', '80.50%'], // 91,895 × 8,760 = 805,000,200 → 80.50%
    [0n, '0.0000%/h', '0.00%'],
    [66n, '0.0000066%/h', '0.06%'], // 66 / 1e7 % = 0.0000066%; 66 × 8,760 = 578,160 → 0.057816% → 0.06%
    [3n, '0.0000003%/h', '0.00%'], // the smallest non-zero rate of the curve (utilization 1 bps)
  ])('rate %s → %s per hour, %s APR', (rate, hourly, apr) => {
    expect(formatRateHourly(rate)).toBe(hourly);
    expect(formatAprFromHourly(rate)).toBe(apr);
  });

  it.each([
    [{ from: 100n, to: 101n }, 100n, '+1.00%'],
    [{ from: 100n, to: 95n }, -500n, '-5.00%'],
    [{ from: 3n, to: 4n }, 3_333n, '+33.33%'],
    [{ from: 0n, to: 4n }, undefined, '–'],
  ])('change %o → %s bps, %s', (change, bps, text) => {
    expect(changeBps(change)).toBe(bps);
    expect(formatChange(change)).toBe(text);
  });
});

describe('addresses and time', () => {
  it.each([
    ['7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU', 4, '7xKX…gAsU'],
    ['7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU', 6, '7xKXtg…osgAsU'],
    ['short', 4, 'short'],
  ])('shortAddress(%s, %s) → %s', (addr, chars, expected) => {
    expect(shortAddress(addr, chars)).toBe(expected);
  });

  it.each([
    [0, '0s'],
    [-5, '0s'],
    [45, '45s'],
    [60, '1m'],
    [184, '3m 4s'],
    [7_380, '2h 3m'],
    [7_200, '2h'],
    [93_784, '1d 2h'],
    [172_800, '2d'],
  ])('formatDuration(%s) → %s', (s, expected) => {
    expect(formatDuration(s)).toBe(expected);
  });

  it('timeUntil and UTC date', () => {
    expect(timeUntil({ targetS: 1_000, nowS: 1_000 })).toBe('now');
    expect(timeUntil({ targetS: 4_600, nowS: 1_000 })).toBe('in 1h');
    expect(formatDateTimeUtc(1_795_470_660)).toBe('2026-11-23 21:51');
  });
});
