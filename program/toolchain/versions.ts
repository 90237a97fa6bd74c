import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** Debian's Rust (rustc-web, cargo-web, rust-web-src) and clang-22: the only toolchain that builds the program here. */
export const TOOLS = {
  rustc: '/usr/bin/rustc',
  cargo: '/usr/bin/cargo',
  clang: 'clang-22',
  rustSource: '/usr/lib/rustlib/src/rust/library/core',
} as const;

export const INSTALL_HINT = 'run `bash scripts/install-program-toolchain.sh` as root (Debian packages rustc-web, cargo-web, rust-web-src, clang-22)';

export interface RustcVersion {
  readonly release: string;
  readonly commitHash: string;
  readonly llvm: string;
}

export interface Toolchain {
  /** `release (commit-hash)` from `rustc -vV`. */
  readonly rustc: string;
  readonly rustcRelease: string;
  /** The LLVM that rustc links, from `rustc -vV`. */
  readonly llvm: string;
  /** First line of `clang-22 --version`. */
  readonly clang: string;
  readonly cargo: string;
  /** The sources of the sysroot's own dependencies (rust-web-src), a directory source for cargo. */
  readonly vendorDir: string;
}

export function parseRustcVersion(verbose: string): RustcVersion {
  const value = (key: string): string => verbose.match(new RegExp(`^${key}: (.+)$`, 'm'))?.[1]?.trim() ?? '';
  const release = value('release');
  if (!release) throw new Error(`cannot read a release from rustc -vV output: ${verbose.slice(0, 200)}`);
  return { release, commitHash: value('commit-hash'), llvm: value('LLVM version') };
}

export function parseClangVersion(text: string): { line: string; llvm: string } {
  const line = text.split('\n')[0]?.trim() ?? '';
  return { line, llvm: line.match(/clang version (\d+\.\d+\.\d+)/)?.[1] ?? '' };
}

function run(command: string, args: readonly string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0 ? result.stdout : undefined;
}

const major = (version: string): string => version.split('.')[0] ?? '';

/** The toolchain on this machine, or what is missing from it. */
export function detectToolchain(): Toolchain | { readonly missing: readonly string[] } {
  const missing: string[] = [];
  const rustcOut = existsSync(TOOLS.rustc) ? run(TOOLS.rustc, ['-vV']) : undefined;
  const cargoOut = existsSync(TOOLS.cargo) ? run(TOOLS.cargo, ['--version']) : undefined;
  const clangOut = run(TOOLS.clang, ['--version']);
  if (!rustcOut) missing.push(`${TOOLS.rustc} (package rustc-web)`);
  if (!cargoOut) missing.push(`${TOOLS.cargo} (package cargo-web)`);
  if (!clangOut) missing.push(`${TOOLS.clang} (package clang-22)`);
  if (!existsSync(TOOLS.rustSource)) missing.push(`${TOOLS.rustSource} (package rust-web-src)`);
  if (!rustcOut || !cargoOut || !clangOut) return { missing };
  const rustc = parseRustcVersion(rustcOut);
  const clang = parseClangVersion(clangOut);
  const vendorDir = `/usr/src/rustc-${rustc.release}/library/vendor`;
  if (!existsSync(vendorDir)) missing.push(`${vendorDir} (package rust-web-src)`);
  if (major(rustc.llvm) !== major(clang.llvm)) {
    missing.push(`a clang with LLVM ${major(rustc.llvm)} (rustc ${rustc.release} emits LLVM ${rustc.llvm} bitcode; ${TOOLS.clang} is LLVM ${clang.llvm})`);
  }
  if (missing.length > 0) return { missing };
  return {
    rustc: `${rustc.release} (${rustc.commitHash})`,
    rustcRelease: rustc.release,
    llvm: rustc.llvm,
    clang: clang.line,
    cargo: cargoOut.trim(),
    vendorDir,
  };
}
