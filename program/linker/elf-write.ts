import { alignUp, ByteWriter } from './bytes';
import {
  DT_NULL,
  DT_REL,
  DT_RELENT,
  DT_RELSZ,
  DT_STRSZ,
  DT_STRTAB,
  DT_SYMENT,
  DT_SYMTAB,
  DT_TEXTREL,
  DYN_SIZE,
  ELF_HEADER_SIZE,
  ELFCLASS64,
  ELFDATA2LSB,
  EM_BPF,
  ET_DYN,
  EV_CURRENT,
  INSN_SIZE,
  PF_R,
  PF_X,
  PROGRAM_HEADER_SIZE,
  PT_DYNAMIC,
  PT_LOAD,
  R_BPF_64_32,
  REL_SIZE,
  SECTION_HEADER_SIZE,
  SHF_ALLOC,
  SHF_EXECINSTR,
  SHT_DYNAMIC,
  SHT_DYNSYM,
  SHT_PROGBITS,
  SHT_REL,
  SHT_STRTAB,
  STB_GLOBAL,
  STT_NOTYPE,
  SYMBOL_SIZE,
} from './elf-constants';
import { PROGRAM_HEADER_COUNT } from './layout';
import type { LinkedImage } from './relocate';

interface OutputSection {
  readonly name: string;
  readonly type: number;
  readonly flags: number;
  readonly offset: number;
  readonly data: Uint8Array;
  readonly align: number;
  readonly entsize?: number;
  readonly link?: string;
  readonly info?: number;
}

/** A string table: "\0" then each name once, in the order added. */
class StringTable {
  private readonly offsets = new Map<string, number>();
  private size = 1;
  private readonly names: string[] = [];

  add(name: string): number {
    const known = this.offsets.get(name);
    if (known !== undefined) return known;
    const offset = this.size;
    this.offsets.set(name, offset);
    this.names.push(name);
    this.size += new TextEncoder().encode(name).length + 1;
    return offset;
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.size);
    const encoder = new TextEncoder();
    for (const name of this.names) out.set(encoder.encode(name), this.offsets.get(name) ?? 0);
    return out;
  }
}

function dynamicSymbols(names: readonly string[], strings: StringTable): Uint8Array {
  const table = new ByteWriter((names.length + 1) * SYMBOL_SIZE);
  names.forEach((name, i) => {
    const at = (i + 1) * SYMBOL_SIZE;
    table.u32(at, strings.add(name));
    table.u8(at + 4, (STB_GLOBAL << 4) | STT_NOTYPE); // undefined, value 0: the loader resolves it as a syscall
  });
  return table.bytes;
}

function dynamicRelocations(image: LinkedImage, symbolIndex: ReadonlyMap<string, number>): Uint8Array {
  const table = new ByteWriter(image.syscalls.length * REL_SIZE);
  image.syscalls.forEach((site, i) => {
    table.u64(i * REL_SIZE, site.offset);
    table.u64(i * REL_SIZE + 8, (BigInt(symbolIndex.get(site.name) ?? 0) << 32n) | BigInt(R_BPF_64_32));
  });
  return table.bytes;
}

function dynamicTable(entries: ReadonlyArray<readonly [number, number]>): Uint8Array {
  const table = new ByteWriter(entries.length * DYN_SIZE);
  entries.forEach(([tag, value], i) => {
    table.u64(i * DYN_SIZE, tag);
    table.u64(i * DYN_SIZE + 8, value);
  });
  return table.bytes;
}

/** Lays the dynamic sections out after .text/.rodata; every allocated section gets sh_addr == sh_offset. */
function buildSections(image: LinkedImage): OutputSection[] {
  const names = [...new Set(image.syscalls.map((site) => site.name))].sort();
  const symbolIndex = new Map(names.map((name, i) => [name, i + 1] as const));
  const dynstr = new StringTable();
  const dynsym = dynamicSymbols(names, dynstr);
  const dynstrBytes = dynstr.bytes();
  const relDyn = dynamicRelocations(image, symbolIndex);
  const hasRelocations = relDyn.length > 0;

  const rodataEnd = image.rodataAddress + image.rodata.length;
  const loadedEnd = image.rodata.length > 0 ? rodataEnd : image.textAddress + image.text.length;
  const dynamicOffset = alignUp(loadedEnd, 8);
  const entryCount = 5 + (hasRelocations ? 4 : 0);
  const dynsymOffset = alignUp(dynamicOffset + entryCount * DYN_SIZE, 8);
  const dynstrOffset = dynsymOffset + dynsym.length;
  const relDynOffset = alignUp(dynstrOffset + dynstrBytes.length, 8);
  const entries: Array<readonly [number, number]> = [
    [DT_SYMTAB, dynsymOffset],
    [DT_SYMENT, SYMBOL_SIZE],
    [DT_STRTAB, dynstrOffset],
    [DT_STRSZ, dynstrBytes.length],
  ];
  if (hasRelocations) {
    entries.push([DT_TEXTREL, 0], [DT_REL, relDynOffset], [DT_RELSZ, relDyn.length], [DT_RELENT, REL_SIZE]);
  }
  entries.push([DT_NULL, 0]);

  const sections: OutputSection[] = [
    { name: '.text', type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_EXECINSTR, offset: image.textAddress, data: image.text, align: INSN_SIZE },
  ];
  if (image.rodata.length > 0) {
    sections.push({ name: '.rodata', type: SHT_PROGBITS, flags: SHF_ALLOC, offset: image.rodataAddress, data: image.rodata, align: image.rodataAlign });
  }
  sections.push(
    { name: '.dynamic', type: SHT_DYNAMIC, flags: SHF_ALLOC, offset: dynamicOffset, data: dynamicTable(entries), align: 8, entsize: DYN_SIZE, link: '.dynstr' },
    { name: '.dynsym', type: SHT_DYNSYM, flags: SHF_ALLOC, offset: dynsymOffset, data: dynsym, align: 8, entsize: SYMBOL_SIZE, link: '.dynstr', info: 1 },
    { name: '.dynstr', type: SHT_STRTAB, flags: SHF_ALLOC, offset: dynstrOffset, data: dynstrBytes, align: 1 },
  );
  if (hasRelocations) {
    sections.push({ name: '.rel.dyn', type: SHT_REL, flags: SHF_ALLOC, offset: relDynOffset, data: relDyn, align: 8, entsize: REL_SIZE, link: '.dynsym' });
  }
  return sections;
}

function writeHeader(out: ByteWriter, entry: number, shoff: number, shnum: number): void {
  out.set(0, new Uint8Array([0x7f, 0x45, 0x4c, 0x46, ELFCLASS64, ELFDATA2LSB, EV_CURRENT]));
  out.u16(16, ET_DYN);
  out.u16(18, EM_BPF);
  out.u32(20, EV_CURRENT);
  out.u64(24, entry);
  out.u64(32, ELF_HEADER_SIZE);
  out.u64(40, shoff);
  out.u32(48, 0); // e_flags 0: SBPF v0
  out.u16(52, ELF_HEADER_SIZE);
  out.u16(54, PROGRAM_HEADER_SIZE);
  out.u16(56, PROGRAM_HEADER_COUNT);
  out.u16(58, SECTION_HEADER_SIZE);
  out.u16(60, shnum);
  out.u16(62, shnum - 1); // .shstrtab is last
}

function writeProgramHeader(out: ByteWriter, index: number, type: number, flags: number, offset: number, size: number): void {
  const at = ELF_HEADER_SIZE + index * PROGRAM_HEADER_SIZE;
  out.u32(at, type);
  out.u32(at + 4, flags);
  out.u64(at + 8, offset);
  out.u64(at + 16, offset);
  out.u64(at + 24, offset);
  out.u64(at + 32, size);
  out.u64(at + 40, size);
  out.u64(at + 48, 8);
}

/** Serializes the linked image as an SBPF v0 ET_DYN shared object. */
export function writeSharedObject(image: LinkedImage, entry: number): Uint8Array {
  const loaded = buildSections(image);
  const shstrtab = new StringTable();
  for (const section of loaded) shstrtab.add(section.name);
  shstrtab.add('.shstrtab');
  const last = loaded[loaded.length - 1];
  const loadedEnd = last ? last.offset + last.data.length : 0;
  const shstrtabBytes = shstrtab.bytes();
  const sections: OutputSection[] = [
    ...loaded,
    { name: '.shstrtab', type: SHT_STRTAB, flags: 0, offset: loadedEnd, data: shstrtabBytes, align: 1 },
  ];
  const shoff = alignUp(loadedEnd + shstrtabBytes.length, 8);
  const shnum = sections.length + 1;
  const out = new ByteWriter(shoff + shnum * SECTION_HEADER_SIZE);
  writeHeader(out, entry, shoff, shnum);

  const dynamic = sections.find((section) => section.name === '.dynamic');
  const readOnlyStart = image.rodata.length > 0 ? image.rodataAddress : (dynamic?.offset ?? loadedEnd);
  writeProgramHeader(out, 0, PT_LOAD, PF_R | PF_X, image.textAddress, image.text.length);
  writeProgramHeader(out, 1, PT_LOAD, PF_R, readOnlyStart, loadedEnd - readOnlyStart);
  writeProgramHeader(out, 2, PT_DYNAMIC, PF_R, dynamic?.offset ?? 0, dynamic?.data.length ?? 0);

  const indexOf = (name: string | undefined): number => (name ? sections.findIndex((s) => s.name === name) + 1 : 0);
  sections.forEach((section, i) => {
    out.set(section.offset, section.data);
    const at = shoff + (i + 1) * SECTION_HEADER_SIZE;
    out.u32(at, shstrtab.add(section.name));
    out.u32(at + 4, section.type);
    out.u64(at + 8, section.flags);
    out.u64(at + 16, section.flags & SHF_ALLOC ? section.offset : 0);
    out.u64(at + 24, section.offset);
    out.u64(at + 32, section.data.length);
    out.u32(at + 40, indexOf(section.link));
    out.u32(at + 44, section.info ?? 0);
    out.u64(at + 48, section.align);
    out.u64(at + 56, section.entsize ?? 0);
  });
  return out.bytes;
}
