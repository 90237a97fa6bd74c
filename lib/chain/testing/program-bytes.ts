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
 * An older committed binary for upgrade tests: the one before b4723d7 (561,672 bytes against 563,064, so an upgrade
 * to today's also extends the ProgramData), read from git; undefined where git lacks that commit (a shallow clone).
 */
export function previousProgramBytes(): Uint8Array | undefined {
  try {
    return new Uint8Array(execFileSync('git', ['show', 'b4723d7~1:program/dist/poolperps.so'], { maxBuffer: 8 << 20, stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return undefined;
  }
}
