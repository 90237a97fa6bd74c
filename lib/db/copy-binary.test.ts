import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BinaryCopyReader } from './copy-binary';
import { openMemoryPglite, type PgliteDatabase } from './pglite';

describe('binary COPY reader', () => {
  let db: PgliteDatabase;
  beforeAll(async () => {
    db = await openMemoryPglite();
  });
  afterAll(async () => {
    await db.close();
  });

  it('reads text, bytea, boolean and NULL fields as the row protocol does', async () => {
    const query = `SELECT i::text AS t, decode(repeat(lpad(to_hex(i % 256), 2, '0'), i % 5), 'hex') AS b, i % 2 = 0 AS f,
      CASE WHEN i % 3 = 0 THEN NULL ELSE 'é' || i END AS n FROM generate_series(0, 999) i`;
    const { rows } = await db.sql.query<{ t: string; b: Uint8Array; f: boolean; n: string | null }>(query);
    const reader = new BinaryCopyReader(await db.copyBinary(query));
    const read: typeof rows = [];
    while (reader.next()) {
      expect(reader.fieldCount).toBe(4);
      read.push({ t: reader.text(0), b: reader.bytes(1), f: reader.bool(2), n: reader.isNull(3) ? null : reader.text(3) });
      expect(reader.view(1)).toEqual(reader.bytes(1));
    }
    expect(reader.next()).toBe(false);
    expect(read.map((r) => ({ ...r, b: Buffer.from(r.b).toString('hex') }))).toEqual(rows.map((r) => ({ ...r, b: Buffer.from(r.b).toString('hex') })));
  });

  it('refuses a stream that is not one, or is cut short', async () => {
    expect(() => new BinaryCopyReader(new Uint8Array(30))).toThrow('signature');
    const bytes = await db.copyBinary(`SELECT 'abc'::text`);
    const cut = new BinaryCopyReader(bytes.subarray(0, bytes.length - 4));
    expect(() => cut.next()).toThrow('truncated');
    const reader = new BinaryCopyReader(bytes);
    expect(reader.next()).toBe(true);
    expect(() => reader.text(1)).toThrow(RangeError);
  });
});
