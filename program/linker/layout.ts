import { alignUp } from './bytes';
import {
  ELF_HEADER_SIZE,
  INSN_SIZE,
  PROGRAM_HEADER_SIZE,
  SHF_ALLOC,
  SHF_EXECINSTR,
  SHF_WRITE,
  SHN_COMMON,
  SHT_NOBITS,
  SHT_PROGBITS,
  STT_SECTION,
} from './elf-constants';
import type { ElfFile, ElfSection, ElfSymbol } from './elf-read';
import { LinkError } from './errors';

export type OutputKind = 'text' | 'rodata';

/** Where one input section lands: in the output `.text` or `.rodata`, at `offset` from its start. */
export interface Placement {
  readonly section: ElfSection;
  readonly kind: OutputKind;
  readonly offset: number;
}

export interface SectionPlan {
  /** Keyed by input section index. */
  readonly placements: ReadonlyMap<number, Placement>;
  readonly textSize: number;
  readonly rodataSize: number;
  readonly rodataAlign: number;
}

/** The output's program headers: two PT_LOAD and one PT_DYNAMIC, right after the ELF header. */
export const PROGRAM_HEADER_COUNT = 3;
/** `.text` starts right after the program headers; its sh_addr equals its file offset, as the v0 loader requires. */
export const TEXT_ADDRESS = alignUp(ELF_HEADER_SIZE + PROGRAM_HEADER_COUNT * PROGRAM_HEADER_SIZE, INSN_SIZE);

export function rodataAddress(plan: SectionPlan): number {
  return alignUp(TEXT_ADDRESS + plan.textSize, plan.rodataAlign);
}

export function outputAddress(plan: SectionPlan, placement: Placement): number {
  return (placement.kind === 'text' ? TEXT_ADDRESS : rodataAddress(plan)) + placement.offset;
}

function isRelroData(section: ElfSection): boolean {
  return section.name === '.data.rel.ro' || section.name.startsWith('.data.rel.ro.');
}

function classify(section: ElfSection): OutputKind | 'writable' | 'ignored' {
  if ((section.flags & SHF_ALLOC) === 0) return 'ignored';
  if (section.type === SHT_NOBITS) return 'writable';
  if ((section.flags & SHF_EXECINSTR) !== 0) return 'text';
  if ((section.flags & SHF_WRITE) !== 0) return isRelroData(section) ? 'rodata' : 'writable';
  return 'rodata';
}

function namesIn(symbols: readonly ElfSymbol[], sectionIndex: number): string[] {
  return symbols
    .filter((symbol) => symbol.shndx === sectionIndex && symbol.type !== STT_SECTION && symbol.name !== '')
    .map((symbol) => symbol.name);
}

function refuseWritable(symbols: readonly ElfSymbol[], writable: readonly ElfSection[]): void {
  const common = symbols.filter((symbol) => symbol.shndx === SHN_COMMON).map((symbol) => symbol.name);
  if (writable.length === 0 && common.length === 0) return;
  const parts = writable.map((section) => {
    const names = namesIn(symbols, section.index);
    return `${section.name} (${names.length > 0 ? names.join(', ') : 'no named symbol'})`;
  });
  if (common.length > 0) parts.push(`common symbols (${common.join(', ')})`);
  throw new LinkError(
    `SBPF v0 programs have no writable data, but the object has ${parts.join('; ')}. ` +
      'Make these statics immutable (const, no interior mutability) or keep the state in an account.',
  );
}

/** Decides where every loadable input section goes, in section order; refuses writable data. */
export function planSections(object: ElfFile, symbols: readonly ElfSymbol[]): SectionPlan {
  const placements = new Map<number, Placement>();
  const writable: ElfSection[] = [];
  let textSize = 0;
  let rodataSize = 0;
  let rodataAlign = INSN_SIZE;
  for (const section of object.sections) {
    const kind = classify(section);
    if (kind === 'ignored') continue;
    if (kind === 'writable') {
      writable.push(section);
      continue;
    }
    if (section.type !== SHT_PROGBITS) {
      throw new LinkError(`section ${section.name} has type ${section.type}; only PROGBITS code and data can be loaded`);
    }
    if (kind === 'text') {
      if (section.size % INSN_SIZE !== 0) {
        throw new LinkError(`code section ${section.name} is ${section.size} bytes, not a whole number of instructions`);
      }
      // Instructions need 8-byte alignment only; a larger one would pad with zero bytes, an invalid opcode.
      placements.set(section.index, { section, kind, offset: textSize });
      textSize += section.size;
    } else {
      const align = Math.max(1, section.addralign);
      rodataAlign = Math.max(rodataAlign, align);
      rodataSize = alignUp(rodataSize, align);
      placements.set(section.index, { section, kind, offset: rodataSize });
      rodataSize += section.size;
    }
  }
  refuseWritable(symbols, writable);
  if (textSize === 0) {
    throw new LinkError(
      'the object has no code: nothing is exported, so LTO removed everything; the crate needs #[no_mangle] pub unsafe extern "C" fn entrypoint',
    );
  }
  return { placements, textSize, rodataSize, rodataAlign };
}
