/**
 * PostgreSQL's binary COPY format (`COPY … TO … WITH (FORMAT binary)`), read in place: an 11-byte signature, a flags
 * word and a header extension, then per row a 16-bit field count and each field as a 32-bit length (-1 for NULL)
 * and its bytes in the type's binary form (text: its UTF-8 bytes; bytea: the bytes; boolean: one byte), big-endian,
 * ended by a field count of -1. PGlite writes it to `/dev/blob` without the per-row text protocol, which is what
 * makes a bulk read of 100,000 rows cheap (lib/validator's restore).
 */
const SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00];

/** A cursor over the rows: `next()` moves to the next row; the getters read the current row's fields. */
export class BinaryCopyReader {
  private readonly dv: DataView;
  private readonly buffer: Buffer;
  private pos: number;
  /** Start and end of each field of the current row (start -1: NULL). */
  private starts = new Int32Array(16);
  private ends = new Int32Array(16);
  private count = 0;
  private done = false;

  constructor(private readonly data: Uint8Array) {
    this.dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
    this.buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (data.length < 19 || SIGNATURE.some((b, i) => data[i] !== b)) throw new Error('Not a binary COPY stream (bad signature).');
    const extension = this.dv.getUint32(15);
    this.pos = 19 + extension;
  }

  /** Moves to the next row; false after the last one. */
  next(): boolean {
    if (this.done) return false;
    if (this.pos + 2 > this.data.length) throw new Error('Binary COPY stream ends before its trailer.');
    const fields = this.dv.getInt16(this.pos);
    this.pos += 2;
    if (fields === -1) {
      this.done = true;
      return false;
    }
    if (fields > this.starts.length) {
      this.starts = new Int32Array(fields);
      this.ends = new Int32Array(fields);
    }
    for (let i = 0; i < fields; i++) {
      if (this.pos + 4 > this.data.length) throw new Error('Binary COPY stream truncated.');
      const length = this.dv.getInt32(this.pos);
      this.pos += 4;
      if (length < 0) {
        this.starts[i] = -1;
        this.ends[i] = -1;
        continue;
      }
      if (this.pos + length > this.data.length) throw new Error('Binary COPY stream truncated.');
      this.starts[i] = this.pos;
      this.ends[i] = this.pos + length;
      this.pos += length;
    }
    this.count = fields;
    return true;
  }

  get fieldCount(): number {
    return this.count;
  }

  isNull(field: number): boolean {
    return this.field(field) < 0;
  }

  /** A text column (ASCII/UTF-8). */
  text(field: number): string {
    const start = this.nonNull(field);
    return this.buffer.toString('utf8', start, this.ends[field]);
  }

  /** A bytea column, copied out of the stream. */
  bytes(field: number): Uint8Array {
    const start = this.nonNull(field);
    return this.data.slice(start, this.ends[field]);
  }

  /** A bytea column as a view into the stream (no copy). */
  view(field: number): Uint8Array {
    const start = this.nonNull(field);
    return this.data.subarray(start, this.ends[field]);
  }

  bool(field: number): boolean {
    return this.data[this.nonNull(field)] !== 0;
  }

  private field(field: number): number {
    if (field < 0 || field >= this.count) throw new RangeError(`No field ${field} in a row of ${this.count}.`);
    return this.starts[field]!;
  }

  private nonNull(field: number): number {
    const start = this.field(field);
    if (start < 0) throw new TypeError(`Field ${field} is NULL.`);
    return start;
  }
}
