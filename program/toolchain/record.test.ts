import { describe, expect, it } from 'vitest';
import { explainMismatch, formatRecord, parseRecord } from './record';
import type { ToolchainRecord } from './record';

const committed: ToolchainRecord = {
  rustc: '1.96.0 (ac68faa20c58cbccd01ee7208bf3b6e93a7d7f96)',
  llvm: '22.1.8',
  clang: 'Debian clang version 22.1.8 (1~deb12u1)',
  cargo: 'cargo 1.96.0 (30a34c682 2026-05-25) (built from a source tarball)',
  linker: '1.0.0',
  target: 'bpfel-unknown-none',
  clangFlags: '-target bpf -mcpu=v2 -O2 -mllvm -bpf-stack-size=4096 -Wno-override-module',
  bytes: 1000,
  sha256: 'a'.repeat(64),
};

describe('explainMismatch', () => {
  it.each([
    [
      'rustc',
      { rustc: '1.97.0 (0123456789abcdef0123456789abcdef01234567)' },
      'Debian moved rustc from 1.96.0 (ac68faa20c58cbccd01ee7208bf3b6e93a7d7f96) to 1.97.0 (0123456789abcdef0123456789abcdef01234567): the binary cannot match; rebuild with npm run build:program and commit program/dist.',
    ],
    [
      'clang',
      { clang: 'Debian clang version 22.1.9 (1~deb12u1)' },
      'clang-22 moved from Debian clang version 22.1.8 (1~deb12u1) to Debian clang version 22.1.9 (1~deb12u1): the binary cannot match; rebuild with npm run build:program and commit program/dist.',
    ],
    [
      'the linker',
      { linker: '1.1.0' },
      'program/linker’s LINKER_VERSION moved from 1.0.0 to 1.1.0: the binary cannot match; rebuild with npm run build:program and commit program/dist.',
    ],
  ])('names a moved toolchain: %s', (_label, change, message) => {
    expect(explainMismatch(committed, { ...committed, ...change, sha256: 'b'.repeat(64) })).toBe(message);
  });

  it('says the source changed when the toolchain did not', () => {
    const message = explainMismatch(committed, { ...committed, sha256: 'b'.repeat(64) });
    expect(message).toMatch(/^same toolchain as the committed toolchain\.json.*the program source changed without a rebuild; rebuild with npm run build:program/);
  });
});

describe('toolchain.json', () => {
  it('round-trips', () => {
    expect(parseRecord(formatRecord(committed))).toEqual(committed);
  });

  it('refuses a record without the fields a check compares', () => {
    expect(() => parseRecord(JSON.stringify({ ...committed, rustc: undefined }))).toThrow(/"rustc"/);
  });
});
