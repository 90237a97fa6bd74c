import { describe, expect, it } from 'vitest';
import { isMarketOpen, nextCloseS, nextOpenS } from './market-hours';

// Friday 2026-11-27 20:59:59 UTC and neighbours (unix seconds)
const FRI_2100 = Date.UTC(2026, 10, 27, 21, 0, 0) / 1000;
const SUN_2200 = Date.UTC(2026, 10, 29, 22, 0, 0) / 1000;
const MON_1200 = Date.UTC(2026, 10, 23, 12, 0, 0) / 1000;

describe('isMarketOpen (§3)', () => {
  it.each([
    ['XAU', MON_1200, true],
    ['XAU', FRI_2100 - 1, true],
    ['XAU', FRI_2100, false],
    ['XAG', FRI_2100 + 86_400, false],
    ['WTI', SUN_2200 - 1, false],
    ['WTI', SUN_2200, true],
    ['SOL', FRI_2100 + 3_600, true],
    ['XAU', -1, true],
  ] as const)('%s at %i → %s', (market, nowS, open) => expect(isMarketOpen(market, nowS)).toBe(open));
});

describe('nextOpenS / nextCloseS', () => {
  it.each([
    ['XAU', FRI_2100, SUN_2200],
    ['XAU', SUN_2200 - 60, SUN_2200],
    ['XAU', MON_1200, MON_1200],
    ['BTC', FRI_2100, FRI_2100],
  ] as const)('%s at %i reopens at %i', (market, nowS, at) => expect(nextOpenS(market, nowS)).toBe(at));

  it('names the coming Friday close for an open RWALP market only', () => {
    expect(nextCloseS('XAU', MON_1200)).toBe(FRI_2100);
    expect(nextCloseS('XAU', FRI_2100)).toBeUndefined();
    expect(nextCloseS('SOL', MON_1200)).toBeUndefined();
  });
});
