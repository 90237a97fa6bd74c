import type { Address } from '@solana/kit';
import bs58 from 'bs58';
import { addressAt } from '@/lib/chain/bytes';

/**
 * Solana's wire format read by hand: a transaction is `shortvec<signature 64>` then the message; a message is an
 * optional version byte (`0x80 | version`; legacy has none), the 3-byte header, `shortvec<address 32>`, the 32-byte
 * recent blockhash, `shortvec<instruction>` (program index u8, `shortvec<u8>` account indices, `shortvec<u8>` data)
 * and, in v0, `shortvec<lookup>` (table address, `shortvec<u8>` writable, `shortvec<u8>` readonly indices).
 *
 * Why not kit's codecs: every transaction the chain accepts is decoded on the hot path, and kit's composed
 * decoders (union, struct, fixed-size, base58 through BigInt) were 13% of the server's CPU under the throughput
 * bench (bench/README.md § 3). This reader gives the same result as kit's `getTransactionDecoder` +
 * `getCompiledTransactionMessageDecoder` on every well-formed input (wire-decode.test.ts, property-tested) and is
 * stricter on malformed ones: a truncated field, a short-u16 longer than 3 bytes or above 0xffff throws.
 */
export class WireReader {
  private at = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get offset(): number {
    return this.at;
  }

  /** Bytes left from the current offset. */
  get remaining(): number {
    return this.bytes.length - this.at;
  }

  u8(): number {
    if (this.at >= this.bytes.length) throw new RangeError(`expected a byte at ${this.at}, the input has ${this.bytes.length}`);
    return this.bytes[this.at++]!;
  }

  /** Solana's `ShortU16` (compact-u16): 7 bits per byte, least significant first, at most 3 bytes. */
  shortU16(): number {
    let value = 0;
    for (let i = 0; i < 3; i++) {
      const byte = this.u8();
      value |= (byte & 0x7f) << (7 * i);
      if ((byte & 0x80) === 0) {
        if (value > 0xffff) throw new RangeError(`short-u16 out of range: ${value}`);
        return value;
      }
    }
    throw new RangeError('short-u16 longer than 3 bytes');
  }

  /** A view (no copy) of the next `length` bytes. */
  take(length: number): Uint8Array {
    if (this.at + length > this.bytes.length) throw new RangeError(`expected ${length} bytes at ${this.at}, the input has ${this.bytes.length}`);
    const out = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return out;
  }

  address(): Address {
    const at = this.at;
    this.take(32);
    return addressAt(this.bytes, at);
  }

  /** `shortvec<u8>` as numbers. */
  indices(): number[] {
    return Array.from(this.take(this.shortU16()));
  }
}

export interface WireInstruction {
  readonly programAddressIndex: number;
  readonly accountIndices: readonly number[];
  readonly data: Uint8Array;
}

export interface WireLookup {
  readonly lookupTableAddress: Address;
  readonly writableIndexes: readonly number[];
  readonly readonlyIndexes: readonly number[];
}

export interface WireMessage {
  /** 'legacy', or the version number after the 0x80 prefix (only 0 exists today). */
  readonly version: 'legacy' | number;
  readonly header: { readonly numSignerAccounts: number; readonly numReadonlySignerAccounts: number; readonly numReadonlyNonSignerAccounts: number };
  readonly staticAccounts: readonly Address[];
  readonly blockhash: string;
  readonly instructions: readonly WireInstruction[];
  readonly lookups: readonly WireLookup[];
}

/** Reads a message from `bytes` (trailing bytes are ignored, as kit does). Throws RangeError when malformed. */
export function readWireMessage(bytes: Uint8Array): WireMessage {
  const r = new WireReader(bytes);
  const first = bytes[0];
  if (first === undefined) throw new RangeError('empty message');
  let version: 'legacy' | number = 'legacy';
  if ((first & 0x80) !== 0) {
    version = first & 0x7f;
    r.u8();
  }
  const header = { numSignerAccounts: r.u8(), numReadonlySignerAccounts: r.u8(), numReadonlyNonSignerAccounts: r.u8() };
  const keyCount = r.shortU16();
  const staticAccounts: Address[] = new Array<Address>(keyCount);
  for (let i = 0; i < keyCount; i++) staticAccounts[i] = r.address();
  const blockhash = r.address() as string;
  const ixCount = r.shortU16();
  const instructions: WireInstruction[] = new Array<WireInstruction>(ixCount);
  for (let i = 0; i < ixCount; i++) {
    const programAddressIndex = r.u8();
    const accountIndices = r.indices();
    const data = r.take(r.shortU16()).slice();
    instructions[i] = { programAddressIndex, accountIndices, data };
  }
  const lookups: WireLookup[] = [];
  if (version !== 'legacy') {
    const count = r.shortU16();
    for (let i = 0; i < count; i++) lookups.push({ lookupTableAddress: r.address(), writableIndexes: r.indices(), readonlyIndexes: r.indices() });
  }
  return { version, header, staticAccounts, blockhash, instructions, lookups };
}

export interface WireTransaction {
  /** Each signature, base58 (64 zero bytes stay as their base58, as kit's null signature). */
  readonly signatures: readonly string[];
  /** Everything after the signatures: what they sign. A view into the input. */
  readonly messageBytes: Uint8Array;
}

/** Splits a wire transaction into its signatures and message bytes. Throws RangeError when truncated. */
export function readWireTransaction(wire: Uint8Array): WireTransaction {
  const r = new WireReader(wire);
  const count = r.shortU16();
  const signatures: string[] = new Array<string>(count);
  for (let i = 0; i < count; i++) signatures[i] = bs58.encode(r.take(64));
  if (r.remaining === 0) throw new RangeError('the transaction has no message');
  return { signatures, messageBytes: wire.subarray(r.offset) };
}
