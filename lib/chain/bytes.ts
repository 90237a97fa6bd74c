/**
 * Little-endian field access for the program's account layouts and instruction data (docs/program.md). Every
 * integer is a `bigint`; offsets are the Rust layouts' (program/src/state/*.rs).
 */
import { getAddressDecoder, getAddressEncoder, type Address } from '@solana/kit';

const addressDecoder = getAddressDecoder();
const addressEncoder = getAddressEncoder();

/** Reads the fields of one account's data. */
export class Reader {
  private readonly view: DataView;

  constructor(readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  u8(offset: number): number {
    return this.view.getUint8(offset);
  }

  u64(offset: number): bigint {
    return this.view.getBigUint64(offset, true);
  }

  i64(offset: number): bigint {
    return this.view.getBigInt64(offset, true);
  }

  i32(offset: number): number {
    return this.view.getInt32(offset, true);
  }

  /** A u128 stored as two u64 words, low first. */
  u128(offset: number): bigint {
    return this.u64(offset) | (this.u64(offset + 8) << 64n);
  }

  address(offset: number): Address {
    return addressDecoder.decode(this.data.subarray(offset, offset + 32));
  }

  bytes(offset: number, length: number): Uint8Array {
    return this.data.slice(offset, offset + length);
  }
}

/** Writes fields in order (instruction data), or at offsets (account data for tests). */
export class Writer {
  private readonly bytesOut: number[] = [];

  u8(v: number): this {
    if (!Number.isInteger(v) || v < 0 || v > 255) throw new RangeError(`u8 out of range: ${v}`);
    this.bytesOut.push(v);
    return this;
  }

  u64(v: bigint): this {
    if (v < 0n || v >= 1n << 64n) throw new RangeError(`u64 out of range: ${v}`);
    for (let i = 0n; i < 8n; i++) this.bytesOut.push(Number((v >> (8n * i)) & 0xffn));
    return this;
  }

  i64(v: bigint): this {
    if (v < -(1n << 63n) || v >= 1n << 63n) throw new RangeError(`i64 out of range: ${v}`);
    return this.u64(BigInt.asUintN(64, v));
  }

  u128(v: bigint): this {
    if (v < 0n || v >= 1n << 128n) throw new RangeError(`u128 out of range: ${v}`);
    return this.u64(v & ((1n << 64n) - 1n)).u64(v >> 64n);
  }

  address(a: Address): this {
    return this.raw(addressEncoder.encode(a));
  }

  raw(bytes: ArrayLike<number>): this {
    for (let i = 0; i < bytes.length; i++) this.bytesOut.push(bytes[i] ?? 0);
    return this;
  }

  pad(to: number): this {
    while (this.bytesOut.length < to) this.bytesOut.push(0);
    return this;
  }

  get length(): number {
    return this.bytesOut.length;
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.bytesOut);
  }
}

/** The 32 bytes of an address (PDA seeds). */
export function addressBytes(a: Address): Uint8Array {
  return new Uint8Array(addressEncoder.encode(a));
}

/** A 32-byte feed id from its hex form (Pyth ids, with or without 0x). */
export function feedIdBytes(hex: string): Uint8Array {
  const clean = hex.replace(/^0x/, '');
  if (!/^[0-9a-fA-F]{64}$/.test(clean)) throw new RangeError(`feed id must be 32 bytes of hex: ${hex}`);
  return Uint8Array.from(clean.match(/../g)!.map((h) => parseInt(h, 16)));
}
