import { LinkError } from './errors';

/** Little-endian reads of a byte array; 64-bit values come back as numbers and must be exact. */
export class ByteReader {
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private check(offset: number, width: number): void {
    if (!Number.isInteger(offset) || offset < 0 || offset + width > this.bytes.length) {
      throw new LinkError(`read of ${width} bytes at offset ${offset} is outside the ${this.bytes.length}-byte file`);
    }
  }

  u8(offset: number): number {
    this.check(offset, 1);
    return this.view.getUint8(offset);
  }

  u16(offset: number): number {
    this.check(offset, 2);
    return this.view.getUint16(offset, true);
  }

  u32(offset: number): number {
    this.check(offset, 4);
    return this.view.getUint32(offset, true);
  }

  i32(offset: number): number {
    this.check(offset, 4);
    return this.view.getInt32(offset, true);
  }

  u64(offset: number): number {
    this.check(offset, 8);
    const value = this.view.getBigUint64(offset, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new LinkError(`64-bit value ${value} at offset ${offset} is too large for this linker`);
    }
    return Number(value);
  }

  slice(offset: number, length: number): Uint8Array {
    this.check(offset, length);
    return this.bytes.subarray(offset, offset + length);
  }
}

/** Little-endian writes into a fixed buffer. */
export class ByteWriter {
  readonly bytes: Uint8Array;
  private readonly view: DataView;

  constructor(sizeOrBytes: number | Uint8Array) {
    this.bytes = typeof sizeOrBytes === 'number' ? new Uint8Array(sizeOrBytes) : sizeOrBytes;
    this.view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
  }

  u8(offset: number, value: number): void {
    this.view.setUint8(offset, value);
  }

  u16(offset: number, value: number): void {
    this.view.setUint16(offset, value, true);
  }

  u32(offset: number, value: number): void {
    this.view.setUint32(offset, value >>> 0, true);
  }

  i32(offset: number, value: number): void {
    this.view.setInt32(offset, value, true);
  }

  u64(offset: number, value: number | bigint): void {
    this.view.setBigUint64(offset, BigInt(value), true);
  }

  set(offset: number, data: Uint8Array): void {
    this.bytes.set(data, offset);
  }
}

export function alignUp(value: number, alignment: number): number {
  const a = Math.max(1, alignment);
  return Math.ceil(value / a) * a;
}
