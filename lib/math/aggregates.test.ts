import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  AGGREGATE_SCALE,
  EMPTY_AGGREGATE,
  addToAggregate,
  aggregateAvgEntry,
  aggregateBorrowFeeUsd,
  aggregatePricePnlUsd,
  aggregateTerms,
  removeFromAggregate,
} from './aggregates';
import type { SideAggregate } from './aggregates';
import { aumUsd } from './aum';
import type { Side } from './ids';
import { pricePnlUsd } from './pnl';
import { positionBorrowFeeUsd } from './position';
import type { PositionState } from './position';

const position = (side: Side, sizeUsd: bigint, entryPrice: bigint, carriedInterestUsd = 0n, interestSnapshot = 0n): PositionState => ({
  side,
  sizeUsd,
  collateralUsd: sizeUsd / 10n,
  collateralAmount: 0n,
  entryPrice,
  lockAmount: sizeUsd,
  exitFeeUsd: 0n,
  liquidationFeeUsd: 0n,
  carriedInterestUsd,
  interestSnapshot,
});

const build = (positions: readonly PositionState[]): SideAggregate => positions.reduce((agg, p) => addToAggregate({ agg, position: p }), EMPTY_AGGREGATE);

describe('aggregates (§8)', () => {
  const longs = [position('long', 1_000_000_000n, 1_000_000_000_000n, 5n, 1_000n), position('long', 3_000_000_000n, 1_200_000_000_000n, 0n, 2_000n)];

  it('sums the terms of each position', () => {
    const agg = build(longs);
    expect(agg.sizeUsd).toBe(4_000_000_000n);
    expect(agg.count).toBe(2n);
    expect(agg.carriedInterestUsd).toBe(5n);
    expect(agg.sizeTimesSnapshot).toBe(1_000_000_000n * 1_000n + 3_000_000_000n * 2_000n);
    // 1e9 × 1e20 / 1e12 + 3e9 × 1e20 / 1.2e12 = 1e17 + 2.5e17
    expect(agg.sizeOverEntry).toBe(350_000_000_000_000_000n);
  });

  it('rounds the size over entry up for a long and down for a short', () => {
    expect(aggregateTerms(position('long', 1n, 3n)).sizeOverEntry).toBe(AGGREGATE_SCALE / 3n + 1n);
    expect(aggregateTerms(position('short', 1n, 3n)).sizeOverEntry).toBe(AGGREGATE_SCALE / 3n);
  });

  it('keeps the aggregate PnL at or above the per-position sum where the exact PnL is an integer', () => {
    // The counterexample fast-check found: short $0.000001 at 6e-10, price 1570153914766872: exact PnL
    // 1 − 1570153914766872 / 6 = −261692319127811 (an integer); the aggregate must not round below it.
    const p = { ...position('short', 1n, 6n) };
    const agg = build([p]);
    expect(aggregatePricePnlUsd({ side: 'short', agg, price: 1_570_153_914_766_872n })).toBe(-261_692_319_127_811n);
  });

  it('averages entries harmonically, against the trader', () => {
    expect(aggregateAvgEntry({ side: 'long', agg: build(longs) })).toBe(1_142_857_142_858n);
    const shorts = longs.map((p) => ({ ...p, side: 'short' as const }));
    expect(aggregateAvgEntry({ side: 'short', agg: build(shorts) })).toBe(1_142_857_142_857n);
    expect(aggregateAvgEntry({ side: 'long', agg: EMPTY_AGGREGATE })).toBeUndefined();
  });

  it.each([
    // long at 150: 4000 × 150 / 114.2857 − 4000 = 1250
    ['long', 1_500_000_000_000n, 1_250_000_000n],
    ['short', 1_500_000_000_000n, -1_250_000_000n],
    ['long', 1_000_000_000_000n, -500_000_000n],
    ['short', 0n, 4_000_000_000n],
  ] as const)('%s aggregate PnL at %s is %s', (side, price, pnl) => {
    const agg = build(longs.map((p) => ({ ...p, side })));
    expect(aggregatePricePnlUsd({ side, agg, price })).toBe(pnl);
  });

  it('accrues borrow fees from the snapshot sum', () => {
    // 5 + ceil((3000 × 4e9 − (1e12 + 6e12)) / 1e9) = 5 + 5000
    expect(aggregateBorrowFeeUsd({ agg: build(longs), cumulativeInterest: 3_000n })).toBe(5_005n);
    expect(aggregateBorrowFeeUsd({ agg: build(longs), cumulativeInterest: 0n })).toBe(5n);
  });

  it('add and remove are exact inverses', () => {
    const agg = build(longs);
    const extra = position('long', 777_777_777n, 1_234_567_890_123n, 9n, 42n);
    expect(removeFromAggregate({ agg: addToAggregate({ agg, position: extra }), position: extra })).toEqual(agg);
    expect(longs.reduce((a, p) => removeFromAggregate({ agg: a, position: p }), agg)).toEqual(EMPTY_AGGREGATE);
  });
});

const positionArb = (side: Side) =>
  fc.record({
    sizeUsd: fc.bigInt({ min: 1n, max: 10n ** 12n }),
    entryPrice: fc.bigInt({ min: 1n, max: 10n ** 16n }),
    carried: fc.bigInt({ min: 0n, max: 10n ** 9n }),
    snapshot: fc.bigInt({ min: 0n, max: 10n ** 9n }),
  }).map((r) => position(side, r.sizeUsd, r.entryPrice, r.carried, r.snapshot));

describe('aggregate inverses (property)', () => {
  it('removing every added position, in any order, gives the empty aggregate', () => {
    fc.assert(
      fc.property(fc.array(positionArb('short'), { maxLength: 10 }).chain((ps) => fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length }))), ([added, order]) => {
        const agg = build(added);
        expect(order.reduce((a, p) => removeFromAggregate({ agg: a, position: p }), agg)).toEqual(EMPTY_AGGREGATE);
      }),
    );
  });
});

describe('AUM from aggregates (property)', () => {
  it('equals the sum over positions of the same PnL, and of the same borrow fee, within one micro-dollar per position each', () => {
    fc.assert(
      fc.property(
        fc.array(positionArb('long'), { maxLength: 12 }),
        fc.array(positionArb('short'), { maxLength: 12 }),
        fc.bigInt({ min: 1n, max: 10n ** 16n }),
        fc.bigInt({ min: 10n ** 9n, max: 2n * 10n ** 9n }),
        fc.bigInt({ min: 10n ** 14n, max: 10n ** 15n }),
        (longs, shorts, price, cumulativeInterest, owned) => {
          const sides = [
            { side: 'long' as const, agg: build(longs), price, cumulativeInterest },
            { side: 'short' as const, agg: build(shorts), price, cumulativeInterest },
          ];
          let pnlAgg = 0n;
          let feeAgg = 0n;
          for (const s of sides) {
            pnlAgg += aggregatePricePnlUsd(s);
            feeAgg += aggregateBorrowFeeUsd(s);
          }
          let pnlSum = 0n;
          let feeSum = 0n;
          for (const p of [...longs, ...shorts]) {
            pnlSum += pricePnlUsd({ side: p.side, sizeUsd: p.sizeUsd, entryPrice: p.entryPrice, price });
            feeSum += positionBorrowFeeUsd({ position: p, cumulativeInterest });
          }
          const n = BigInt(longs.length + shorts.length);
          // aggregate PnL ≥ Σ floors (floor of a sum), Σ ceils ≥ aggregate fee (ceil of a sum): AUM errs low
          expect(pnlAgg - pnlSum >= 0n && pnlAgg - pnlSum <= n).toBe(true);
          expect(feeSum - feeAgg >= 0n && feeSum - feeAgg <= n).toBe(true);
          const perPosition = owned - pnlSum + feeSum;
          const aum = aumUsd({ custodies: [{ owned, low: 10_000_000_000n, decimals: 6 }], sides });
          const expected = perPosition - (pnlAgg - pnlSum) - (feeSum - feeAgg);
          expect(aum).toBe(expected > 0n ? expected : 0n);
        },
      ),
      { numRuns: 300 },
    );
  });
});
