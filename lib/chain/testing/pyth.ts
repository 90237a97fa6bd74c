/**
 * Pyth pull-oracle `PriceUpdateV2` accounts (the receiver program's Borsh layout, program/src/oracle/pyth.rs),
 * written straight into a LiteSVM: what a real cluster's price accounts look like to the program.
 */
import { lamports, type Address } from '@solana/kit';
import type { LiteSVM } from 'litesvm';
import { Writer } from '../bytes';
import { PYTH_RECEIVER } from '../program-ids';

export const PRICE_UPDATE_V2_DISCRIMINATOR = Uint8Array.of(34, 241, 35, 99, 157, 126, 244, 205);
/** 8 + 32 + 2 (verification) + 84 (message) + 8 (posted slot). */
export const PRICE_UPDATE_V2_LEN = 134;

export interface PythPrice {
  feedId: Uint8Array;
  /** `price × 10^exponent` dollars. */
  price: bigint;
  exponent: number;
  publishTime: bigint;
  /** 'full' (the only one the program accepts) or 'partial' with that many signatures. */
  verification?: 'full' | { partial: number };
  conf?: bigint;
}

export function encodePriceUpdateV2(p: PythPrice): Uint8Array {
  const w = new Writer().raw(PRICE_UPDATE_V2_DISCRIMINATOR).raw(new Uint8Array(32));
  const v = p.verification ?? 'full';
  if (v === 'full') w.u8(1);
  else w.u8(0).u8(v.partial);
  w.raw(p.feedId).i64(p.price).u64(p.conf ?? 0n);
  const exponent = new Uint8Array(4);
  new DataView(exponent.buffer).setInt32(0, p.exponent, true);
  w.raw(exponent).i64(p.publishTime).i64(p.publishTime).i64(p.price).u64(0n).u64(0n);
  return w.pad(PRICE_UPDATE_V2_LEN).toBytes();
}

/** Writes a `PriceUpdateV2` at `address`, owned by `owner` (the Pyth receiver unless a test says otherwise). */
export function writePythPrice(svm: LiteSVM, address: Address, p: PythPrice, owner: Address = PYTH_RECEIVER): void {
  const data = encodePriceUpdateV2(p);
  svm.setAccount({ address, data, executable: false, lamports: lamports(svm.minimumBalanceForRentExemption(BigInt(data.length))), programAddress: owner, space: BigInt(data.length) });
}
