/**
 * Per (market, side) aggregates, so AUM costs O(markets) instead of O(positions) (protocol.md §8, GMX v1's
 * global short average price generalised to both sides).
 */
import { divCeil, divFloor } from './bigmath';
import { assertPositivePrice } from './convert';
import type { Side } from './ids';
import type { PositionState } from './position';
import { RATE_ONE } from './scales';

/** Scale of `sizeOverEntry`: size (1e6) × 1e20 / price (1e10) keeps ~16 digits below one micro-dollar per unit price. */
export const AGGREGATE_SCALE = 10n ** 20n;

export interface SideAggregate {
  /** Σ sizeUsd (also the side's open interest). */
  readonly sizeUsd: bigint;
  /** Σ sizeUsd × AGGREGATE_SCALE / entryPrice, each term ceiled for longs and floored for shorts. */
  readonly sizeOverEntry: bigint;
  /** Σ carriedInterestUsd. */
  readonly carriedInterestUsd: bigint;
  /** Σ sizeUsd × interestSnapshot. */
  readonly sizeTimesSnapshot: bigint;
  /** Number of positions. */
  readonly count: bigint;
}

/** The aggregate of no positions. */
export const EMPTY_AGGREGATE: SideAggregate = { sizeUsd: 0n, sizeOverEntry: 0n, carriedInterestUsd: 0n, sizeTimesSnapshot: 0n, count: 0n };

/**
 * One position's terms. `sizeOverEntry` is ceiled for a long and floored for a short, so the aggregate trader PnL
 * is never below Σ per-position PnL (each floored): AUM, which subtracts it, errs low, by under one micro-dollar
 * per position. (The opposite rounding let the aggregate cross an integer boundary below an exact per-position
 * PnL, found by the property test.)
 */
export function aggregateTerms(position: PositionState): SideAggregate {
  assertPositivePrice(position.entryPrice);
  const scaled = position.sizeUsd * AGGREGATE_SCALE;
  return {
    sizeUsd: position.sizeUsd,
    sizeOverEntry: position.side === 'long' ? divCeil(scaled, position.entryPrice) : divFloor(scaled, position.entryPrice),
    carriedInterestUsd: position.carriedInterestUsd,
    sizeTimesSnapshot: position.sizeUsd * position.interestSnapshot,
    count: 1n,
  };
}

function combine(agg: SideAggregate, terms: SideAggregate, sign: 1n | -1n): SideAggregate {
  return {
    sizeUsd: agg.sizeUsd + sign * terms.sizeUsd,
    sizeOverEntry: agg.sizeOverEntry + sign * terms.sizeOverEntry,
    carriedInterestUsd: agg.carriedInterestUsd + sign * terms.carriedInterestUsd,
    sizeTimesSnapshot: agg.sizeTimesSnapshot + sign * terms.sizeTimesSnapshot,
    count: agg.count + sign * terms.count,
  };
}

/** Adds a position's terms (exact integer sums). Pass the position state exactly as stored. */
export function addToAggregate({ agg, position }: { agg: SideAggregate; position: PositionState }): SideAggregate {
  return combine(agg, aggregateTerms(position), 1n);
}

/**
 * Removes a position's terms: the exact inverse of addToAggregate for the same state. To change a position
 * (increase, partial close, collateral), remove its old state, then add its new one.
 */
export function removeFromAggregate({ agg, position }: { agg: SideAggregate; position: PositionState }): SideAggregate {
  return combine(agg, aggregateTerms(position), -1n);
}

/**
 * §8 aggregate trader price PnL: long `floor(price × sizeOverEntry / SCALE) − sizeUsd`, short
 * `sizeUsd − ceil(price × sizeOverEntry / SCALE)`: one position of the summed size at the harmonic mean entry,
 * floored (in the pool's favour). Equals Σ pricePnlUsd within one micro-dollar per position.
 */
export function aggregatePricePnlUsd({ side, agg, price }: { side: Side; agg: SideAggregate; price: bigint }): bigint {
  return side === 'long' ? divFloor(price * agg.sizeOverEntry, AGGREGATE_SCALE) - agg.sizeUsd : agg.sizeUsd - divCeil(price * agg.sizeOverEntry, AGGREGATE_SCALE);
}

/** The size-weighted harmonic mean entry `sizeUsd × SCALE / sizeOverEntry`, rounded up for longs, down for shorts; undefined when empty. */
export function aggregateAvgEntry({ side, agg }: { side: Side; agg: SideAggregate }): bigint | undefined {
  if (agg.sizeOverEntry <= 0n) return undefined;
  const scaled = agg.sizeUsd * AGGREGATE_SCALE;
  return side === 'long' ? divCeil(scaled, agg.sizeOverEntry) : divFloor(scaled, agg.sizeOverEntry);
}

/**
 * §4/§8 accrued, unpaid borrow fees of the side: `Σ carried + ceil((cumulativeInterest × Σ size − Σ size ×
 * snapshot) / 1e9)`. At most Σ positionBorrowFeeUsd, and less by under one micro-dollar per position.
 */
export function aggregateBorrowFeeUsd({ agg, cumulativeInterest }: { agg: SideAggregate; cumulativeInterest: bigint }): bigint {
  const accrued = divCeil(cumulativeInterest * agg.sizeUsd - agg.sizeTimesSnapshot, RATE_ONE);
  return agg.carriedInterestUsd + (accrued > 0n ? accrued : 0n);
}
