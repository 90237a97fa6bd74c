import { describe, expect, it } from 'vitest';
import { parseUnits } from '@/lib/math/parse';
import { PRICE_DECIMALS } from '@/lib/math/scales';
import { pnlAtTrigger, tpSlPresets } from './tpsl-presets';

const P = (dollars: string): bigint => parseUnits(dollars, PRICE_DECIMALS) ?? 0n; // "$150" → 1e10 units

describe('TP/SL presets valid for the position', () => {
  it('a 6.9x long liquidating at $129.23 (mark $150): no −25% or −50% stop loss', () => {
    expect(tpSlPresets({ side: 'long', kind: 'stopLoss', markPrice: P('150'), liquidationPrice: P('129.23') })).toEqual([
      { label: '−5%', price: P('142.5') },
      { label: '−10%', price: P('135') },
    ]);
  });

  it('a 50x long liquidating 1.6% below the mark: stop losses at 25 / 50 / 75% of the way to liquidation', () => {
    // mark 150, liq 147.6: 150 − 2.4 × {0.25, 0.5, 0.75} = 149.4, 148.8, 148.2
    expect(tpSlPresets({ side: 'long', kind: 'stopLoss', markPrice: P('150'), liquidationPrice: P('147.6') })).toEqual([
      { label: '−0.4%', price: P('149.4') },
      { label: '−0.8%', price: P('148.8') },
      { label: '−1.2%', price: P('148.2') },
    ]);
  });

  it('a short: stop losses above the mark and below liquidation, take profits above $0 (no −100%)', () => {
    expect(tpSlPresets({ side: 'short', kind: 'stopLoss', markPrice: P('150'), liquidationPrice: P('178.95') }).map((p) => p.label)).toEqual(['−5%', '−10%']);
    expect(tpSlPresets({ side: 'short', kind: 'takeProfit', markPrice: P('150'), liquidationPrice: P('178.95') })).toEqual([
      { label: '+10%', price: P('135') },
      { label: '+25%', price: P('112.5') },
      { label: '+50%', price: P('75') },
    ]);
  });

  it('a long: every take-profit preset is valid', () => {
    expect(tpSlPresets({ side: 'long', kind: 'takeProfit', markPrice: P('150'), liquidationPrice: P('136.05') }).map((p) => p.price)).toEqual([P('165'), P('187.5'), P('225'), P('300')]);
  });
});

describe('pnlAtTrigger', () => {
  const position = {
    side: 'long' as const,
    sizeUsd: 1_000_000_000n, // $1,000 at $100
    collateralUsd: 100_000_000n,
    collateralAmount: 1_000_000_000n,
    entryPrice: P('100'),
    lockAmount: 10_000_000_000n,
    exitFeeUsd: 1_000_000n,
    liquidationFeeUsd: 2_000_000n,
    borrowFeeUsd: 500_000n,
  };
  it.each([
    [P('110'), 98_500_000n], // +10% of $1,000 = $100 − $1 exit − $0.50 borrow
    [P('95'), -51_500_000n], // −$50 − $1.50
    [P('100'), -1_500_000n], // the fees alone
  ])('at %s → %s (after fees)', (price, pnl) => {
    expect(pnlAtTrigger({ market: 'SOL', position, price })).toBe(pnl);
  });
});
