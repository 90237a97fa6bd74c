/** program/dist/toolchain.json: what built program/dist/poolperps.so, to tell a stale binary from a moved toolchain. */
export interface ToolchainRecord {
  /** `release (commit-hash)` of `rustc -vV`. */
  readonly rustc: string;
  readonly llvm: string;
  /** First line of `clang-22 --version`. */
  readonly clang: string;
  readonly cargo: string;
  /** LINKER_VERSION of program/linker. */
  readonly linker: string;
  readonly target: string;
  readonly clangFlags: string;
  readonly bytes: number;
  readonly sha256: string;
}

const TOOL_FIELDS = ['rustc', 'llvm', 'clang', 'cargo', 'linker', 'clangFlags'] as const;
const LABELS: Record<(typeof TOOL_FIELDS)[number], string> = {
  rustc: 'Debian moved rustc',
  llvm: 'rustc’s LLVM moved',
  clang: 'clang-22 moved',
  cargo: 'Debian moved cargo',
  linker: 'program/linker’s LINKER_VERSION moved',
  clangFlags: 'the clang flags changed',
};

export function parseRecord(text: string): ToolchainRecord {
  const value = JSON.parse(text) as Partial<ToolchainRecord>;
  for (const key of [...TOOL_FIELDS, 'sha256'] as const) {
    if (typeof value[key] !== 'string') throw new Error(`toolchain.json has no string "${key}"`);
  }
  return value as ToolchainRecord;
}

export function formatRecord(record: ToolchainRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** Why a fresh build differs from the committed binary, in a sentence a reviewer can act on. */
export function explainMismatch(committed: ToolchainRecord, fresh: ToolchainRecord): string {
  const moved = TOOL_FIELDS.filter((key) => committed[key] !== fresh[key]);
  const rebuild = 'rebuild with npm run build:program and commit program/dist';
  if (moved.length > 0) {
    const changes = moved.map((key) => `${LABELS[key]} from ${committed[key]} to ${fresh[key]}`).join('; ');
    return `${changes}: the binary cannot match; ${rebuild}.`;
  }
  return (
    `same toolchain as the committed toolchain.json, yet the fresh build (sha256 ${fresh.sha256}) differs from the ` +
    `committed one (sha256 ${committed.sha256}): the program source changed without a rebuild; ${rebuild}.`
  );
}
