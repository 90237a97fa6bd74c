/** `Pool` (PDA `["pool", index]`), program/src/state/pool.rs. */
import type { Address } from '@solana/kit';
import { Reader } from '../bytes';
import { expectKind } from './kind';

export interface PoolAccount {
  index: number;
  bump: number;
  lpMintBump: number;
  lpMint: Address;
  /** In pool order (custody index). */
  custodies: Address[];
  /** In pool order. */
  markets: Address[];
}

export function decodePool(data: Uint8Array): PoolAccount {
  const r = new Reader(expectKind(data, 'pool'));
  const custodyCount = Math.min(r.u8(11), 4);
  const marketCount = Math.min(r.u8(12), 3);
  return {
    index: r.u8(8),
    bump: r.u8(9),
    lpMintBump: r.u8(10),
    lpMint: r.address(16),
    custodies: Array.from({ length: custodyCount }, (_, i) => r.address(48 + 32 * i)),
    markets: Array.from({ length: marketCount }, (_, i) => r.address(176 + 32 * i)),
  };
}
