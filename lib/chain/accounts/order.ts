/** `Order` (PDA `["order", owner, slot]`), program/src/state/order.rs. */
import type { Address } from '@solana/kit';
import type { Side } from '@/lib/math/ids';
import { Reader } from '../bytes';
import { expectKind } from './kind';
import { sideOf } from './position';

export interface OrderAccount {
  owner: Address;
  market: Address;
  collateralCustody: Address;
  escrow: Address;
  side: Side;
  bump: number;
  slot: number;
  /** The canonical bump of the position PDA the fill opens (PlaceLimitOrder records it); 0: not recorded. */
  positionBump: number;
  collateralAmount: bigint;
  leverageBps: bigint;
  triggerPrice: bigint;
  /** null: none. */
  acceptablePrice: bigint | null;
  takeProfit: bigint | null;
  stopLoss: bigint | null;
  createdAt: bigint;
}

const optional = (v: bigint): bigint | null => (v === 0n ? null : v);

export function decodeOrder(data: Uint8Array): OrderAccount {
  const r = new Reader(expectKind(data, 'order'));
  return {
    owner: r.address(8),
    market: r.address(40),
    collateralCustody: r.address(72),
    escrow: r.address(104),
    side: sideOf(r.u8(136)),
    bump: r.u8(137),
    slot: r.u8(138),
    positionBump: r.u8(139),
    collateralAmount: r.u64(144),
    leverageBps: r.u64(152),
    triggerPrice: r.u64(160),
    acceptablePrice: optional(r.u64(168)),
    takeProfit: optional(r.u64(176)),
    stopLoss: optional(r.u64(184)),
    createdAt: r.i64(192),
  };
}
