import { ByteReader } from './bytes';
import {
  ELF_HEADER_SIZE,
  ELFCLASS64,
  ELFDATA2LSB,
  PROGRAM_HEADER_SIZE,
  REL_SIZE,
  SECTION_HEADER_SIZE,
  SHT_DYNSYM,
  SHT_NOBITS,
  SHT_REL,
  SHT_SYMTAB,
  SYMBOL_SIZE,
} from './elf-constants';
import { LinkError } from './errors';

/** A parsed ELF64 little-endian file: enough of it to link a relocatable object and to inspect the result. */
export interface ElfFile {
  readonly bytes: Uint8Array;
  readonly header: ElfHeader;
  readonly programHeaders: readonly ElfProgramHeader[];
  readonly sections: readonly ElfSection[];
}

export interface ElfHeader {
  readonly type: number;
  readonly machine: number;
  readonly version: number;
  readonly entry: number;
  readonly phoff: number;
  readonly shoff: number;
  readonly flags: number;
  readonly ehsize: number;
  readonly phentsize: number;
  readonly phnum: number;
  readonly shentsize: number;
  readonly shnum: number;
  readonly shstrndx: number;
  readonly osabi: number;
}

export interface ElfProgramHeader {
  readonly type: number;
  readonly flags: number;
  readonly offset: number;
  readonly vaddr: number;
  readonly paddr: number;
  readonly filesz: number;
  readonly memsz: number;
  readonly align: number;
}

export interface ElfSection {
  readonly index: number;
  readonly name: string;
  readonly type: number;
  readonly flags: number;
  readonly addr: number;
  readonly offset: number;
  readonly size: number;
  readonly link: number;
  readonly info: number;
  readonly addralign: number;
  readonly entsize: number;
  /** The section's bytes in the file (empty for SHT_NOBITS). */
  readonly data: Uint8Array;
}

export interface ElfSymbol {
  readonly index: number;
  readonly name: string;
  readonly value: number;
  readonly size: number;
  readonly type: number;
  readonly bind: number;
  readonly shndx: number;
}

export interface ElfRelocation {
  /** Offset of the patched bytes inside the target section (a vaddr in a shared object). */
  readonly offset: number;
  readonly type: number;
  readonly symbol: number;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

export function readCString(data: Uint8Array, offset: number): string {
  if (offset >= data.length) throw new LinkError(`string offset ${offset} is outside its ${data.length}-byte table`);
  const end = data.indexOf(0, offset);
  return decoder.decode(data.subarray(offset, end < 0 ? data.length : end));
}

function readHeader(reader: ByteReader): ElfHeader {
  const magic = reader.slice(0, 4);
  if (magic[0] !== 0x7f || magic[1] !== 0x45 || magic[2] !== 0x4c || magic[3] !== 0x46) {
    throw new LinkError('not an ELF file (no \\x7fELF magic)');
  }
  if (reader.u8(4) !== ELFCLASS64) throw new LinkError('not a 64-bit ELF file');
  if (reader.u8(5) !== ELFDATA2LSB) throw new LinkError('not a little-endian ELF file');
  return {
    osabi: reader.u8(7),
    type: reader.u16(16),
    machine: reader.u16(18),
    version: reader.u32(20),
    entry: reader.u64(24),
    phoff: reader.u64(32),
    shoff: reader.u64(40),
    flags: reader.u32(48),
    ehsize: reader.u16(52),
    phentsize: reader.u16(54),
    phnum: reader.u16(56),
    shentsize: reader.u16(58),
    shnum: reader.u16(60),
    shstrndx: reader.u16(62),
  };
}

function readProgramHeaders(reader: ByteReader, header: ElfHeader): ElfProgramHeader[] {
  const headers: ElfProgramHeader[] = [];
  for (let i = 0; i < header.phnum; i++) {
    const at = header.phoff + i * PROGRAM_HEADER_SIZE;
    headers.push({
      type: reader.u32(at),
      flags: reader.u32(at + 4),
      offset: reader.u64(at + 8),
      vaddr: reader.u64(at + 16),
      paddr: reader.u64(at + 24),
      filesz: reader.u64(at + 32),
      memsz: reader.u64(at + 40),
      align: reader.u64(at + 48),
    });
  }
  return headers;
}

export function readElf(bytes: Uint8Array): ElfFile {
  const reader = new ByteReader(bytes);
  if (bytes.length < ELF_HEADER_SIZE) throw new LinkError(`file of ${bytes.length} bytes is too short for an ELF header`);
  const header = readHeader(reader);
  if (header.shnum > 0 && header.shentsize !== SECTION_HEADER_SIZE) {
    throw new LinkError(`unexpected section header size ${header.shentsize}`);
  }
  const raw = [];
  for (let index = 0; index < header.shnum; index++) {
    const at = header.shoff + index * SECTION_HEADER_SIZE;
    const type = reader.u32(at + 4);
    const offset = reader.u64(at + 24);
    const size = reader.u64(at + 32);
    raw.push({
      index,
      nameOffset: reader.u32(at),
      type,
      flags: reader.u64(at + 8),
      addr: reader.u64(at + 16),
      offset,
      size,
      link: reader.u32(at + 40),
      info: reader.u32(at + 44),
      addralign: reader.u64(at + 48),
      entsize: reader.u64(at + 56),
      data: type === SHT_NOBITS ? new Uint8Array(0) : reader.slice(offset, size),
    });
  }
  const names = raw[header.shstrndx]?.data ?? new Uint8Array(0);
  const sections = raw.map(({ nameOffset, ...section }) => ({
    ...section,
    name: names.length > 0 ? readCString(names, nameOffset) : '',
  }));
  return { bytes, header, programHeaders: readProgramHeaders(reader, header), sections };
}

export function sectionByName(elf: ElfFile, name: string): ElfSection | undefined {
  return elf.sections.find((section) => section.name === name);
}

/** The symbols of a SHT_SYMTAB or SHT_DYNSYM section, names read from its linked string table. */
export function readSymbols(elf: ElfFile, table: ElfSection): ElfSymbol[] {
  if (table.type !== SHT_SYMTAB && table.type !== SHT_DYNSYM) {
    throw new LinkError(`section ${table.name} is not a symbol table`);
  }
  const strings = elf.sections[table.link]?.data ?? new Uint8Array(0);
  const reader = new ByteReader(table.data);
  const symbols: ElfSymbol[] = [];
  for (let index = 0; index * SYMBOL_SIZE < table.data.length; index++) {
    const at = index * SYMBOL_SIZE;
    const info = reader.u8(at + 4);
    const nameOffset = reader.u32(at);
    symbols.push({
      index,
      name: nameOffset === 0 ? '' : readCString(strings, nameOffset),
      type: info & 0xf,
      bind: info >> 4,
      shndx: reader.u16(at + 6),
      value: reader.u64(at + 8),
      size: reader.u64(at + 16),
    });
  }
  return symbols;
}

/** The entries of a SHT_REL section (BPF objects use REL: implicit addends stay in the patched bytes). */
export function readRelocations(section: ElfSection): ElfRelocation[] {
  if (section.type !== SHT_REL) throw new LinkError(`section ${section.name} is not a SHT_REL relocation table`);
  const reader = new ByteReader(section.data);
  const relocations: ElfRelocation[] = [];
  for (let at = 0; at + REL_SIZE <= section.data.length; at += REL_SIZE) {
    relocations.push({ offset: reader.u64(at), type: reader.u32(at + 8), symbol: reader.u32(at + 12) });
  }
  return relocations;
}
