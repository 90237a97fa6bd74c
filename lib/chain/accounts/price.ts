/** `PriceAccount` (PDA `["price", feed_id]`), program/src/state/price.rs: a local-chain feed. */
import { Reader } from '../bytes';
import { expectKind } from './kind';

export interface PriceAccount {
  feedId: Uint8Array;
  /** Mid, 10 decimals. */
  price: bigint;
  publishTime: bigint;
  slot: bigint;
  bump: number;
}

export function decodePrice(data: Uint8Array): PriceAccount {
  const r = new Reader(expectKind(data, 'price'));
  return { feedId: r.bytes(8, 32), price: r.u64(40), publishTime: r.i64(48), slot: r.u64(56), bump: r.u8(64) };
}
