/** The committed program binary (program/dist/poolperps.so), what the local chain and the tests deploy. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PROGRAM_SO_PATH = join(process.cwd(), 'program', 'dist', 'poolperps.so');

let cached: Uint8Array | undefined;

export function programBytes(): Uint8Array {
  cached ??= new Uint8Array(readFileSync(PROGRAM_SO_PATH));
  return cached;
}
