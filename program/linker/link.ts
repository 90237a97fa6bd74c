import { EM_BPF, ET_REL, SHN_UNDEF, SHT_SYMTAB, STB_GLOBAL } from './elf-constants';
import { readElf, readSymbols } from './elf-read';
import type { ElfSymbol } from './elf-read';
import { writeSharedObject } from './elf-write';
import { LinkError } from './errors';
import { refuseJmp32, rewriteCallx } from './instructions';
import { outputAddress, planSections } from './layout';
import type { SectionPlan } from './layout';
import { relocate } from './relocate';

/** Recorded in program/dist/toolchain.json: a change here changes the bytes of every linked program. */
export const LINKER_VERSION = '1.0.0';

export const ENTRYPOINT_SYMBOL = 'entrypoint';

export interface LinkOptions {
  /**
   * Refuse BPF_JMP32 instructions (a `-mcpu=v3` build) at link time. Default true; false only to produce a
   * binary that the loader must refuse (tests of the deploy path).
   */
  readonly refuseJmp32?: boolean;
}

function entryAddress(symbols: readonly ElfSymbol[], plan: SectionPlan): number {
  const entry = symbols.find((s) => s.name === ENTRYPOINT_SYMBOL && s.bind === STB_GLOBAL && s.shndx !== SHN_UNDEF);
  const placement = entry ? plan.placements.get(entry.shndx) : undefined;
  if (!entry || placement?.kind !== 'text') {
    throw new LinkError(
      `no global function \`${ENTRYPOINT_SYMBOL}\` in the object: export #[no_mangle] pub unsafe extern "C" fn entrypoint(input: *mut u8) -> u64`,
    );
  }
  return outputAddress(plan, placement) + entry.value;
}

/**
 * Links one relocatable BPF object (clang -target bpf -mcpu=v2 -c) into an SBPF v0 shared object that the
 * Solana BPF loaders accept: ET_DYN, e_flags 0, one .text and one .rodata with sh_addr == sh_offset, data
 * addresses resolved statically into the VM's program region, syscalls left to the loader through .rel.dyn.
 * Same input, same bytes.
 */
export function linkSbpfV0(object: Uint8Array, options: LinkOptions = {}): Uint8Array {
  const elf = readElf(object);
  if (elf.header.machine !== EM_BPF) throw new LinkError(`e_machine is ${elf.header.machine}, not EM_BPF (247)`);
  if (elf.header.type !== ET_REL) throw new LinkError(`e_type is ${elf.header.type}, not ET_REL: give the linker a relocatable object`);
  const tables = elf.sections.filter((section) => section.type === SHT_SYMTAB);
  const table = tables[0];
  if (tables.length !== 1 || !table) throw new LinkError(`expected one symbol table, found ${tables.length}`);
  const symbols = readSymbols(elf, table);
  const plan = planSections(elf, symbols);
  const entry = entryAddress(symbols, plan);
  const image = relocate(elf, symbols, plan);
  rewriteCallx(image.text);
  if (options.refuseJmp32 ?? true) refuseJmp32(image.text, image.textAddress);
  return writeSharedObject(image, entry);
}
