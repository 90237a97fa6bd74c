import { describe, expect, it } from 'vitest';
import { parseClangVersion, parseRustcVersion } from './versions';

describe('parseRustcVersion', () => {
  it('reads release, commit and LLVM from rustc -vV', () => {
    const output = [
      'rustc 1.96.0 (ac68faa20 2026-05-25) (built from a source tarball)',
      'binary: rustc',
      'commit-hash: ac68faa20c58cbccd01ee7208bf3b6e93a7d7f96',
      'commit-date: 2026-05-25',
      'host: x86_64-unknown-linux-gnu',
      'release: 1.96.0',
      'LLVM version: 22.1.8',
      '',
    ].join('\n');
    expect(parseRustcVersion(output)).toEqual({
      release: '1.96.0',
      commitHash: 'ac68faa20c58cbccd01ee7208bf3b6e93a7d7f96',
      llvm: '22.1.8',
    });
  });

  it('refuses output without a release', () => {
    expect(() => parseRustcVersion('rustc ?')).toThrow(/release/);
  });
});

describe('parseClangVersion', () => {
  it('keeps the first line and its LLVM version', () => {
    const output = 'Debian clang version 22.1.8 (1~deb12u1)\nTarget: x86_64-pc-linux-gnu\nThread model: posix\n';
    expect(parseClangVersion(output)).toEqual({ line: 'Debian clang version 22.1.8 (1~deb12u1)', llvm: '22.1.8' });
  });
});
