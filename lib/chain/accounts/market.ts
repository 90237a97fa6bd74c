/** `Market` (PDA `["market", index]`), program/src/state/market.rs, with its two §8 side aggregates. */
import type { Address } from '@solana/kit';
import type { SideAggregate } from '@/lib/math/aggregates';
import { Reader } from '../bytes';
import { expectKind } from './kind';

export interface MarketAccount {
  pool: Address;
  longCustody: Address;
  shortCustody: Address;
  oracle: Address;
  feedId: Uint8Array;
  index: number;
  bump: number;
  /** 0 always open, 1 RWA hours. */
  hours: number;
  longLocksMarketToken: boolean;
  maxInitialLeverageBps: bigint;
  liquidationLeverageBps: bigint;
  closeFeeBps: bigint;
  liquidationFeeBps: bigint;
  openFeeBps: bigint;
  maxPositionUsd: bigint;
  openInterestCapUsd: bigint;
  long: SideAggregate;
  short: SideAggregate;
}

function aggregate(r: Reader, at: number): SideAggregate {
  return {
    sizeUsd: r.u64(at),
    sizeOverEntry: r.u128(at + 8),
    carriedInterestUsd: r.u64(at + 24),
    sizeTimesSnapshot: r.u128(at + 32),
    count: r.u64(at + 48),
  };
}

export function decodeMarket(data: Uint8Array): MarketAccount {
  const r = new Reader(expectKind(data, 'market'));
  return {
    pool: r.address(8),
    longCustody: r.address(40),
    shortCustody: r.address(72),
    oracle: r.address(104),
    feedId: r.bytes(136, 32),
    index: r.u8(168),
    bump: r.u8(169),
    hours: r.u8(170),
    longLocksMarketToken: r.u8(171) !== 0,
    maxInitialLeverageBps: r.u64(176),
    liquidationLeverageBps: r.u64(184),
    closeFeeBps: r.u64(192),
    liquidationFeeBps: r.u64(200),
    openFeeBps: r.u64(208),
    maxPositionUsd: r.u64(216),
    openInterestCapUsd: r.u64(224),
    long: aggregate(r, 232),
    short: aggregate(r, 288),
  };
}
