/**
 * Builds the on-chain program into a deployable SBPF v0 binary, or checks that the committed one is current.
 *
 *   npm run build:program                 # program/ → program/dist/poolperps.so + program/dist/toolchain.json
 *   npm run check:program                 # rebuild in a temp dir, compare sha256 with the committed binary
 *   tsx scripts/build-program.ts --crate DIR --out DIR [--object FILE] [--check]
 *
 * Exit codes: 0 built / up to date, 1 check failed (binary stale or toolchain moved), 2 toolchain missing,
 * 3 build error.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildProgram, sha256 } from '../program/toolchain/pipeline';
import { explainMismatch, formatRecord, parseRecord } from '../program/toolchain/record';
import { detectToolchain, INSTALL_HINT } from '../program/toolchain/versions';
import type { Toolchain } from '../program/toolchain/versions';

const ROOT = resolve(__dirname, '..');
const PROGRAM_FILE = 'poolperps.so';
const RECORD_FILE = 'toolchain.json';

const { values } = parseArgs({
  options: {
    crate: { type: 'string', default: join(ROOT, 'program') },
    out: { type: 'string', default: join(ROOT, 'program', 'dist') },
    object: { type: 'string' },
    check: { type: 'boolean', default: false },
  },
});

const show = (path: string): string => relative(process.cwd(), path) || '.';

function toolchainOrExit(): Toolchain {
  const toolchain = detectToolchain();
  if ('missing' in toolchain) {
    console.error(`The program toolchain is missing: ${toolchain.missing.join('; ')}.\nTo install it, ${INSTALL_HINT}.`);
    process.exit(2);
  }
  return toolchain;
}

function build(toolchain: Toolchain, crateDir: string, outDir: string): void {
  const { program, object, record } = buildProgram({ crateDir, targetDir: join(crateDir, 'target'), toolchain });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, PROGRAM_FILE), program);
  writeFileSync(join(outDir, RECORD_FILE), formatRecord(record));
  if (values.object) writeFileSync(resolve(values.object), object);
  console.log(`${show(join(outDir, PROGRAM_FILE))}: ${record.bytes} bytes, sha256 ${record.sha256}`);
}

function check(toolchain: Toolchain, crateDir: string, outDir: string): number {
  const programPath = join(outDir, PROGRAM_FILE);
  const recordPath = join(outDir, RECORD_FILE);
  if (!existsSync(programPath) || !existsSync(recordPath)) {
    console.error(`No committed ${show(programPath)} and ${show(recordPath)}: run npm run build:program and commit them.`);
    return 1;
  }
  const committed = parseRecord(readFileSync(recordPath, 'utf8'));
  const committedSha = sha256(readFileSync(programPath));
  if (committedSha !== committed.sha256) {
    console.error(`${show(recordPath)} describes sha256 ${committed.sha256}, but ${show(programPath)} is ${committedSha}: run npm run build:program and commit both.`);
    return 1;
  }
  const targetDir = mkdtempSync(join(tmpdir(), 'poolperps-check-'));
  try {
    const { record } = buildProgram({ crateDir, targetDir, toolchain });
    if (record.sha256 === committed.sha256) {
      console.log(`${show(programPath)} matches a fresh build (sha256 ${record.sha256}).`);
      return 0;
    }
    console.error(`${show(programPath)} is not what the source builds to: ${explainMismatch(committed, record)}`);
    return 1;
  } finally {
    rmSync(targetDir, { recursive: true, force: true });
  }
}

function main(): number {
  const crateDir = resolve(values.crate);
  const outDir = resolve(values.out);
  if (!existsSync(join(crateDir, 'Cargo.toml'))) {
    console.error(`${show(crateDir)} has no Cargo.toml (pass --crate DIR)`);
    return 3;
  }
  const toolchain = toolchainOrExit();
  try {
    if (values.check) return check(toolchain, crateDir, outDir);
    build(toolchain, crateDir, outDir);
    return 0;
  } catch (error) {
    console.error(`Program build failed: ${error instanceof Error ? error.message : String(error)}`);
    return 3;
  }
}

process.exit(main());
