import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Side } from '@/lib/math/ids';
import { isLiquidatable, liquidationPrice } from '@/lib/math/liquidation';
import { borrowFeeUsd } from '@/lib/math/interest';
import { LiquidationBook } from './liquidation-book';

interface P {
  key: string;
  sizeUsd: bigint;
  collateralUsd: bigint;
  entryPrice: bigint;
  liquidationFeeUsd: bigint;
  carriedInterestUsd: bigint;
  interestSnapshot: bigint;
}

const LEVERAGE = 2_000_000n;

function liqAt(side: Side, p: P, interest: bigint): bigint {
  return liquidationPrice({
    side,
    sizeUsd: p.sizeUsd,
    collateralUsd: p.collateralUsd,
    entryPrice: p.entryPrice,
    liquidationLeverageBps: LEVERAGE,
    liquidationFeeUsd: p.liquidationFeeUsd,
    borrowFeeUsd: borrowFeeUsd({ carriedInterestUsd: p.carriedInterestUsd, cumulativeInterest: interest, interestSnapshot: p.interestSnapshot, borrowSizeUsd: p.sizeUsd }),
  });
}

const position = (i: number) =>
  fc.record({
    sizeUsd: fc.bigInt({ min: 10_000_000n, max: 1_000_000_000_000n }),
    leverage: fc.bigInt({ min: 10_000n, max: 1_000_000n }),
    entryPrice: fc.bigInt({ min: 100_000n, max: 10n ** 15n }),
    carriedInterestUsd: fc.bigInt({ min: 0n, max: 1_000_000n }),
    snapshotBack: fc.bigInt({ min: 0n, max: 50_000_000n }),
    refForward: fc.bigInt({ min: 0n, max: 50_000_000n }),
  }).map((r) => ({ i, ...r }));

describe('LiquidationBook', () => {
  it('returns every position liquidatable now, whatever interest accrued since each entry was priced', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Side>('long', 'short'),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }).chain((xs) => fc.tuple(...xs.map((_, i) => position(i)))),
        fc.bigInt({ min: 0n, max: 200_000_000n }),
        fc.double({ min: 0.5, max: 1.5, noNaN: true }),
        (side, raw, accrued, move) => {
          const base = 1_000_000_000n;
          const book = new LiquidationBook(side);
          const ps: (P & { ref: bigint })[] = raw.map((r) => ({
            key: `k${r.i}`,
            sizeUsd: r.sizeUsd,
            collateralUsd: (r.sizeUsd * 10_000n) / r.leverage,
            entryPrice: r.entryPrice,
            liquidationFeeUsd: (r.sizeUsd * 20n) / 10_000n,
            carriedInterestUsd: r.carriedInterestUsd,
            interestSnapshot: base - r.snapshotBack,
            ref: base + r.refForward,
          }));
          for (const p of ps) book.set(p.key, liqAt(side, p, p.ref), p.ref, p.entryPrice, p.sizeUsd);
          const now = base + 50_000_000n + accrued;
          const reference = ps[0]!;
          const price = BigInt(Math.max(1, Math.round(Number(reference.entryPrice) * move)));
          const found = new Set(book.candidates(price, now).map((e) => e.key));
          for (const p of ps) {
            if (isLiquidatable({ side, price, liquidationPrice: liqAt(side, p, now) })) expect(found.has(p.key)).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps the band narrow: at the reference interest only the crossed and the rounding neighbours come back', () => {
    const book = new LiquidationBook('long');
    for (let i = 0; i < 1000; i++) book.set(`k${i}`, 1_000_000_000_000n + BigInt(i) * 100_000_000n, 5n, 1_500_000_000_000n, 20_000_000n);
    // Price at the 900th trigger: 100 entries at or above it, plus the band (P0 / size + 1 = 75,001 units: none).
    expect(book.candidates(1_000_000_000_000n + 900n * 100_000_000n, 5n)).toHaveLength(100);
    // After interest accrues, the band widens by P0 × ΔI / 1e9.
    expect(book.widening(5n + 1_000_000n)).toBe(1_500_000_000n + 75_000n + 1n);
  });

  it('re-pricing moves an entry to the back of the reference order', () => {
    const book = new LiquidationBook('short');
    book.set('a', 100n, 1n, 10n, 10n);
    book.set('b', 100n, 2n, 10n, 10n);
    expect(book.oldestInterest()).toBe(1n);
    expect(book.oldest(5, 3n)).toEqual(['a', 'b']);
    book.set('a', 99n, 3n, 10n, 10n);
    expect(book.oldestInterest()).toBe(2n);
    expect(book.oldest(5, 3n)).toEqual(['b']);
    book.delete('b');
    expect(book.size).toBe(1);
    expect(book.candidates(99n, 3n).map((e) => e.key)).toEqual(['a']);
  });
});
