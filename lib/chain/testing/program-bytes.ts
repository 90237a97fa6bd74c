/** The committed program binary (program/dist/poolperps.so), what the local chain and the tests deploy. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PROGRAM_SO_PATH = join(process.cwd(), 'program', 'dist', 'poolperps.so');

let cached: Uint8Array | undefined;

export function programBytes(): Uint8Array {
  cached ??= new Uint8Array(readFileSync(PROGRAM_SO_PATH));
  return cached;
}

/**
 * Another committed binary for upgrade tests: the one at b4723d7 (563,064 bytes, the program of 2026-12-01 to
 * 2026-12-04, before the compute-unit work made it 505,496), read from git; undefined where git lacks that commit
 * (a shallow clone). It is larger than today's, so an upgrade from today's to it extends the ProgramData, and one
 * back to today's shrinks what the ProgramData holds (what a user's ./.data of that week goes through).
 */
export function largerProgramBytes(): Uint8Array | undefined {
  try {
    return new Uint8Array(execFileSync('git', ['show', 'b4723d7:program/dist/poolperps.so'], { maxBuffer: 8 << 20, stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return undefined;
  }
}
