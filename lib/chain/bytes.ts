/**
 * Little-endian field access for the program's account layouts and instruction data (docs/program.md). Every
 * integer is a `bigint`; offsets are the Rust layouts' (program/src/state/*.rs).
 */
import { getAddressEncoder, type Address } from '@solana/kit';

const addressEncoder = getAddressEncoder();

// ---- base58 of 32-byte addresses, fast path ----
// kit's codecs go through one BigInt per address (~6 µs); these work on eight 32-bit limbs held in doubles (every
// intermediate stays below 2^53) and agree with kit on every input (bytes.test.ts). Restoring 100,000 positions
// decodes 300,000 addresses.

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** Two base58 digits for each value below 58². */
const PAIRS: readonly string[] = Array.from({ length: 58 * 58 }, (_, i) => ALPHABET[Math.floor(i / 58)]! + ALPHABET[i % 58]!);
/** Digit of each ASCII code, -1 when not in the alphabet. */
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;
const TWO_32 = 4_294_967_296;
const limbs = new Float64Array(8);
const pairs = new Uint16Array(24);

function encode32(bytes: Uint8Array, offset: number): string {
  let zeros = 0;
  while (zeros < 32 && bytes[offset + zeros] === 0) zeros++;
  for (let i = 0; i < 8; i++) {
    const o = offset + 4 * i;
    limbs[i] = bytes[o]! * 16_777_216 + ((bytes[o + 1]! << 16) | (bytes[o + 2]! << 8) | bytes[o + 3]!);
  }
  // Divide by 58² until nothing is left: the remainders are the digit pairs, least significant first.
  let start = zeros >> 2;
  let n = 0;
  while (start < 8) {
    let r = 0;
    for (let i = start; i < 8; i++) {
      const cur = r * TWO_32 + limbs[i]!;
      const q = Math.floor(cur / 3364);
      r = cur - q * 3364;
      limbs[i] = q;
    }
    pairs[n++] = r;
    while (start < 8 && limbs[start] === 0) start++;
  }
  let out = zeros === 0 ? '' : '1'.repeat(zeros);
  if (n > 0) {
    const top = pairs[n - 1]!;
    out += top < 58 ? ALPHABET[top]! : PAIRS[top]!;
    for (let j = n - 2; j >= 0; j--) out += PAIRS[pairs[j]!]!;
  }
  return out;
}

/** The 32 bytes of a base58 address, or undefined when `text` is not exactly 32 bytes of base58. */
export function decodeAddress32(text: string): Uint8Array | undefined {
  const length = text.length;
  if (length < 32 || length > 44) return undefined;
  let ones = 0;
  while (ones < length && text.charCodeAt(ones) === 49) ones++;
  limbs.fill(0);
  // Three digits at a time: limbs × 58³ + digits.
  for (let i = ones; i < length; ) {
    let chunk = 0;
    let scale = 1;
    for (let k = 0; k < 3 && i < length; k++, i++) {
      const code = text.charCodeAt(i);
      const d = code < 128 ? DIGIT[code]! : -1;
      if (d < 0) return undefined;
      chunk = chunk * 58 + d;
      scale *= 58;
    }
    let carry = chunk;
    for (let j = 7; j >= 0; j--) {
      const cur = limbs[j]! * scale + carry;
      carry = Math.floor(cur / TWO_32);
      limbs[j] = cur - carry * TWO_32;
    }
    if (carry !== 0) return undefined;
  }
  const out = new Uint8Array(32);
  for (let j = 0; j < 8; j++) {
    const v = limbs[j]!;
    const hi = Math.floor(v / 16_777_216);
    const lo = v - hi * 16_777_216;
    out[4 * j] = hi;
    out[4 * j + 1] = lo >>> 16;
    out[4 * j + 2] = (lo >>> 8) & 0xff;
    out[4 * j + 3] = lo & 0xff;
  }
  let zeros = 0;
  while (zeros < 32 && out[zeros] === 0) zeros++;
  // Each leading '1' is one zero byte and the rest has no leading zero byte: 32 bytes exactly when they agree.
  return zeros === ones ? out : undefined;
}

// A small direct-mapped cache of recent encodings: program accounts repeat a few addresses (a position's market
// and custody) beside unique ones, and comparing 32 bytes is ~10x cheaper than encoding them.
const CACHE_SLOTS = 1024;
const cacheBytes = new Uint8Array(CACHE_SLOTS * 32);
const cacheText: (string | undefined)[] = new Array<string | undefined>(CACHE_SLOTS).fill(undefined);

/** The base58 address of the 32 bytes at `offset` (no copy; same text as kit's `getAddressDecoder`). */
export function addressAt(bytes: Uint8Array, offset = 0): Address {
  if (offset < 0 || offset + 32 > bytes.length) throw new RangeError(`an address needs 32 bytes at ${offset}, have ${bytes.length}`);
  const slot = ((bytes[offset]! << 2) ^ (bytes[offset + 1]! << 1) ^ bytes[offset + 31]!) & (CACHE_SLOTS - 1);
  const at = slot * 32;
  const cached = cacheText[slot];
  if (cached !== undefined) {
    let i = 0;
    while (i < 32 && cacheBytes[at + i] === bytes[offset + i]) i++;
    if (i === 32) return cached as Address;
  }
  const text = encode32(bytes, offset);
  cacheBytes.set(bytes.subarray(offset, offset + 32), at);
  cacheText[slot] = text;
  return text as Address;
}

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
    return addressAt(this.data, offset);
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
    return this.raw(addressBytes(a));
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
  // kit's encoder only for what the fast path refuses: it throws its own error on an invalid address.
  return decodeAddress32(a) ?? new Uint8Array(addressEncoder.encode(a));
}

/** A 32-byte feed id from its hex form (Pyth ids, with or without 0x). */
export function feedIdBytes(hex: string): Uint8Array {
  const clean = hex.replace(/^0x/, '');
  if (!/^[0-9a-fA-F]{64}$/.test(clean)) throw new RangeError(`feed id must be 32 bytes of hex: ${hex}`);
  return Uint8Array.from(clean.match(/../g)!.map((h) => parseInt(h, 16)));
}
