import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { netPnlUsd, pricePnlUsd } from './pnl';

const P150 = 1_500_000_000_000n;

describe('pricePnlUsd (§6)', () => {
  it.each([
    // 10,000 × (150 − 164) / 150 = −933.3333 → −933.333334 (loss ceils by magnitude)
    ['short', 10_000_000_000n, P150, 1_640_000_000_000n, -933_333_334n],
    // 10,000 × −0.01 / 150 = −0.6666667 → −0.666667
    ['long', 10_000_000_000n, P150, 1_499_900_000_000n, -666_667n],
    // profit floors
    ['long', 10_000_000_000n, P150, 1_500_100_000_000n, 666_666n],
    ['short', 10_000_000_000n, P150, 1_499_900_000_000n, 666_666n],
    ['long', 10_000_000_000n, P150, P150, 0n],
    // a short's profit is at most its size: at a price of 0 it is exactly the size
    ['short', 10_000_000_000n, P150, 0n, 10_000_000_000n],
    // a long doubling earns its size
    ['long', 10_000_000_000n, P150, 3_000_000_000_000n, 10_000_000_000n],
  ] as const)('%s %s from %s to %s → %s', (side, sizeUsd, entryPrice, price, pnl) => {
    expect(pricePnlUsd({ side, sizeUsd, entryPrice, price })).toBe(pnl);
  });

  it('refuses an entry price of zero', () => {
    expect(() => pricePnlUsd({ side: 'long', sizeUsd: 1n, entryPrice: 0n, price: 1n })).toThrow(expect.objectContaining({ code: 'INVALID_PRICE' }));
  });

  it('never rounds in the trader’s favour (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('long' as const, 'short' as const),
        fc.bigInt({ min: 1n, max: 10n ** 13n }),
        fc.bigInt({ min: 1n, max: 10n ** 16n }),
        fc.bigInt({ min: 1n, max: 10n ** 16n }),
        (side, sizeUsd, entryPrice, price) => {
          const pnl = pricePnlUsd({ side, sizeUsd, entryPrice, price });
          const exactTimesEntry = sizeUsd * (side === 'long' ? price - entryPrice : entryPrice - price);
          // pnl ≤ exact < pnl + 1
          expect(pnl * entryPrice <= exactTimesEntry).toBe(true);
          expect((pnl + 1n) * entryPrice > exactTimesEntry).toBe(true);
          if (side === 'short') expect(pnl <= sizeUsd).toBe(true);
        },
      ),
    );
  });
});

describe('netPnlUsd', () => {
  it('subtracts the exit and borrow fees', () => {
    expect(netPnlUsd({ pricePnlUsd: 1_000_000n, exitFeeUsd: 10_000n, borrowFeeUsd: 356_750n })).toBe(633_250n);
  });
});
