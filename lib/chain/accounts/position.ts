/** `Position` (PDA `["position", owner, market, side]`), program/src/state/position.rs. */
import type { Address } from '@solana/kit';
import type { Side } from '@/lib/math/ids';
import type { PositionState } from '@/lib/math/position';
import { Reader } from '../bytes';
import { expectKind } from './kind';

export interface PositionAccount {
  owner: Address;
  market: Address;
  custody: Address;
  bump: number;
  state: PositionState;
  /** null: none (0 on chain). */
  takeProfit: bigint | null;
  stopLoss: bigint | null;
  openedAt: bigint;
  updatedAt: bigint;
}

export const sideOf = (v: number): Side => (v === 0 ? 'long' : 'short');
export const sideByte = (s: Side): number => (s === 'long' ? 0 : 1);
const optional = (v: bigint): bigint | null => (v === 0n ? null : v);

export function decodePosition(data: Uint8Array): PositionAccount {
  const r = new Reader(expectKind(data, 'position'));
  return {
    owner: r.address(8),
    market: r.address(40),
    custody: r.address(72),
    bump: r.u8(105),
    state: {
      side: sideOf(r.u8(104)),
      sizeUsd: r.u64(112),
      collateralUsd: r.u64(120),
      collateralAmount: r.u64(128),
      entryPrice: r.u64(136),
      lockAmount: r.u64(144),
      exitFeeUsd: r.u64(152),
      liquidationFeeUsd: r.u64(160),
      carriedInterestUsd: r.u64(168),
      interestSnapshot: r.u64(176),
    },
    takeProfit: optional(r.u64(184)),
    stopLoss: optional(r.u64(192)),
    openedAt: r.i64(200),
    updatedAt: r.i64(208),
  };
}
