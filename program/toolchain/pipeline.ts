import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { LINKER_VERSION, linkSbpfV0 } from '../linker';
import { extractBitcode } from './ar';
import type { ToolchainRecord } from './record';
import { TOOLS } from './versions';
import type { Toolchain } from './versions';

export const TARGET = 'bpfel-unknown-none';
export const CPU = 'v2';
/** clang flags that turn the staticlib's bitcode into a relocatable SBPF v0 object (see shared TOOLCHAIN.md). */
export const CLANG_FLAGS = ['-target', 'bpf', `-mcpu=${CPU}`, '-O2', '-mllvm', '-bpf-stack-size=4096', '-Wno-override-module'];
/** Paths inside the crate are recorded relative to this, whatever the checkout directory (panic locations). */
export const REMAPPED_CRATE_DIR = '/poolperps/program';

export interface BuildInput {
  readonly crateDir: string;
  readonly targetDir: string;
  readonly toolchain: Toolchain;
}

export interface BuildOutput {
  readonly program: Uint8Array;
  /** The relocatable object the linker was given (for fixtures and debugging). */
  readonly object: Uint8Array;
  readonly record: ToolchainRecord;
}

function exec(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const result = spawnSync(command, args, { ...options, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
  return result.stdout;
}

function cargoConfig(toolchain: Toolchain): string[] {
  // The same source replacement as program/.cargo/config.toml, for any crate directory and rustc release.
  return [
    '--config', 'source.crates-io.replace-with="debian-rust-src"',
    '--config', `source.debian-rust-src.directory="${toolchain.vendorDir}"`,
    // What the pipeline needs whatever the crate's profile says: one module, no unwinding.
    '--config', 'profile.release.lto="fat"',
    '--config', 'profile.release.codegen-units=1',
    '--config', 'profile.release.panic="abort"',
  ];
}

interface StaticLibTarget {
  readonly name: string;
  readonly kind: readonly string[];
}

function libraryName(crateDir: string): string {
  const metadata = JSON.parse(
    exec(TOOLS.cargo, ['metadata', '--no-deps', '--format-version', '1', '--offline', '--manifest-path', join(crateDir, 'Cargo.toml')]),
  ) as { packages: Array<{ targets: StaticLibTarget[] }> };
  const target = metadata.packages.flatMap((p) => p.targets).find((t) => t.kind.includes('staticlib'));
  if (!target) throw new Error(`${crateDir}/Cargo.toml has no staticlib target: add crate-type = ["staticlib"] to [lib]`);
  return target.name.replace(/-/g, '_');
}

function cargoBuild({ crateDir, targetDir, toolchain }: BuildInput): Uint8Array {
  const rustflags = [`--remap-path-prefix=${crateDir}=${REMAPPED_CRATE_DIR}`];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RUSTC: TOOLS.rustc,
    RUSTC_BOOTSTRAP: '1',
    CARGO_TARGET_DIR: targetDir,
    CARGO_ENCODED_RUSTFLAGS: rustflags.join('\x1f'),
  };
  delete env.RUSTFLAGS;
  delete env.RUSTC_WRAPPER;
  delete env.RUSTC_WORKSPACE_WRAPPER;
  // `cargo rustc --crate-type staticlib`: with rlib among a crate's types rustc skips LTO and the archive holds
  // core and compiler_builtins as separate modules; one staticlib with fat LTO gives one module.
  const args = ['rustc', '--release', '--offline', '--lib', '--crate-type', 'staticlib', '--target', TARGET, '-Z', 'build-std=core', ...cargoConfig(toolchain)];
  exec(TOOLS.cargo, [...args, '--manifest-path', join(crateDir, 'Cargo.toml')], { cwd: crateDir, env });
  const archive = join(targetDir, TARGET, 'release', `lib${libraryName(crateDir)}.a`);
  return extractBitcode(readFileSync(archive), archive);
}

function compileBitcode(bitcode: Uint8Array): Uint8Array {
  const work = mkdtempSync(join(tmpdir(), 'poolperps-clang-'));
  try {
    writeFileSync(join(work, 'program.bc'), bitcode);
    exec(TOOLS.clang, [...CLANG_FLAGS, '-c', join(work, 'program.bc'), '-o', join(work, 'program.o')]);
    return readFileSync(join(work, 'program.o'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** cargo (staticlib of LLVM bitcode) → clang-22 (relocatable BPF object) → linkSbpfV0 (SBPF v0 shared object). */
export function buildProgram(input: BuildInput): BuildOutput {
  const crateDir = resolve(input.crateDir);
  const object = compileBitcode(cargoBuild({ ...input, crateDir, targetDir: resolve(input.targetDir) }));
  const program = linkSbpfV0(object);
  const { toolchain } = input;
  const record: ToolchainRecord = {
    rustc: toolchain.rustc,
    llvm: toolchain.llvm,
    clang: toolchain.clang,
    cargo: toolchain.cargo,
    linker: LINKER_VERSION,
    target: TARGET,
    clangFlags: CLANG_FLAGS.join(' '),
    bytes: program.length,
    sha256: sha256(program),
  };
  return { program, object, record };
}
