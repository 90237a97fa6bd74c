import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The committed fixture objects (sources and build.sh beside them in fixtures/). */
export const FIXTURES = ['hello', 'rust-hello', 'plain', 'mutable', 'jmp32-v3'] as const;
export type FixtureName = (typeof FIXTURES)[number];

export function readFixture(name: FixtureName): Uint8Array {
  return new Uint8Array(readFileSync(join(__dirname, 'fixtures', `${name}.o`)));
}

/** A copy of `bytes` with a u16/u32 little-endian value written at `offset`. */
export function patched(bytes: Uint8Array, offset: number, value: number, width: 1 | 2 | 4): Uint8Array {
  const copy = new Uint8Array(bytes);
  const view = new DataView(copy.buffer);
  if (width === 1) view.setUint8(offset, value);
  else if (width === 2) view.setUint16(offset, value, true);
  else view.setUint32(offset, value, true);
  return copy;
}
