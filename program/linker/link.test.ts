import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ByteReader } from './bytes';
import {
  DT_REL,
  DT_RELENT,
  DT_RELSZ,
  DT_STRTAB,
  DT_SYMTAB,
  EM_BPF,
  ET_DYN,
  PF_R,
  PF_X,
  PT_DYNAMIC,
  PT_LOAD,
  SHF_ALLOC,
  SHF_WRITE,
  SHT_SYMTAB,
} from './elf-constants';
import { readElf, readSymbols, sectionByName } from './elf-read';
import type { ElfFile } from './elf-read';
import { LINKER_VERSION, linkSbpfV0 } from './link';
import { readFixture } from './test-fixtures';
import type { FixtureName } from './test-fixtures';

const linkable: FixtureName[] = ['hello', 'rust-hello', 'plain'];

function dynamicEntries(elf: ElfFile): Map<number, number> {
  const dynamic = sectionByName(elf, '.dynamic');
  if (!dynamic) throw new Error('no .dynamic');
  const reader = new ByteReader(dynamic.data);
  const entries = new Map<number, number>();
  for (let at = 0; at < dynamic.data.length; at += 16) entries.set(reader.u64(at), reader.u64(at + 8));
  return entries;
}

function entrypointOffsetInInput(name: FixtureName): { section: string; value: number } {
  const input = readElf(readFixture(name));
  const table = input.sections.find((s) => s.type === SHT_SYMTAB);
  if (!table) throw new Error('no symtab');
  const entry = readSymbols(input, table).find((s) => s.name === 'entrypoint');
  if (!entry) throw new Error('no entrypoint');
  return { section: input.sections[entry.shndx]?.name ?? '', value: entry.value };
}

describe.each(linkable)('linkSbpfV0(%s.o)', (name) => {
  const output = linkSbpfV0(readFixture(name));
  const elf = readElf(output);
  const hasSyscalls = name !== 'plain';

  it('writes an SBPF v0 ELF64 shared object header', () => {
    expect([...output.subarray(0, 16)]).toEqual([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(elf.header).toMatchObject({
      type: ET_DYN,
      machine: EM_BPF,
      version: 1,
      flags: 0,
      phoff: 64,
      ehsize: 64,
      phentsize: 56,
      phnum: 3,
      shentsize: 64,
      osabi: 0,
    });
    expect(elf.sections[elf.header.shstrndx]?.name).toBe('.shstrtab');
  });

  it('has one .text, then .rodata and the dynamic sections, each allocated one at sh_addr == sh_offset', () => {
    const names = elf.sections.map((s) => s.name);
    const expected = ['', '.text', ...(name === 'plain' ? [] : ['.rodata']), '.dynamic', '.dynsym', '.dynstr'];
    expect(names).toEqual([...expected, ...(hasSyscalls ? ['.rel.dyn'] : []), '.shstrtab']);
    let end = 0;
    for (const section of elf.sections.slice(1)) {
      if (section.flags & SHF_ALLOC) expect(section.addr).toBe(section.offset);
      expect(section.flags & SHF_WRITE).toBe(0);
      expect(section.offset).toBeGreaterThanOrEqual(end); // ascending, no overlap (the loader checks both)
      expect(section.name.length).toBeLessThan(16); // the loader reads at most 16 bytes of a section name
      end = section.offset + section.size;
    }
    expect(elf.header.shoff).toBeGreaterThanOrEqual(end);
    expect(elf.header.shoff + elf.header.shnum * 64).toBe(output.length);
    for (const table of ['.dynamic', '.dynsym', '.rel.dyn']) {
      expect((sectionByName(elf, table)?.offset ?? 0) % 8).toBe(0);
    }
  });

  it('points e_entry at the entrypoint symbol', () => {
    const text = sectionByName(elf, '.text');
    const input = readElf(readFixture(name));
    const entry = entrypointOffsetInInput(name);
    // Input code sections are concatenated in order; the entrypoint's section starts after the ones before it.
    const before = input.sections
      .filter((s) => s.flags & 0x4 && s.index < (input.sections.find((x) => x.name === entry.section)?.index ?? 0))
      .reduce((sum, s) => sum + s.size, 0);
    expect(elf.header.entry).toBe((text?.addr ?? 0) + before + entry.value);
    expect(elf.header.entry % 8).toBe(0);
  });

  it('maps .text with PT_LOAD R+X, the read-only rest with PT_LOAD R and .dynamic with PT_DYNAMIC', () => {
    const text = sectionByName(elf, '.text');
    const dynamic = sectionByName(elf, '.dynamic');
    const lastLoaded = elf.sections.filter((s) => s.flags & SHF_ALLOC).at(-1);
    const readOnlyStart = sectionByName(elf, '.rodata')?.offset ?? dynamic?.offset;
    const [code, data, dyn] = elf.programHeaders;
    expect(code).toMatchObject({ type: PT_LOAD, flags: PF_R | PF_X, offset: text?.offset, vaddr: text?.addr, filesz: text?.size, memsz: text?.size });
    expect(data).toMatchObject({ type: PT_LOAD, flags: PF_R, offset: readOnlyStart, vaddr: readOnlyStart });
    expect((data?.offset ?? 0) + (data?.filesz ?? 0)).toBe((lastLoaded?.offset ?? 0) + (lastLoaded?.size ?? 0));
    expect(dyn).toMatchObject({ type: PT_DYNAMIC, offset: dynamic?.offset, filesz: dynamic?.size });
    for (const header of elf.programHeaders) expect([header.vaddr, header.paddr, header.memsz]).toEqual([header.offset, header.offset, header.filesz]);
  });

  it('describes .dynsym, .dynstr and .rel.dyn in .dynamic', () => {
    const entries = dynamicEntries(elf);
    expect(entries.get(DT_SYMTAB)).toBe(sectionByName(elf, '.dynsym')?.addr);
    expect(entries.get(DT_STRTAB)).toBe(sectionByName(elf, '.dynstr')?.addr);
    if (hasSyscalls) {
      const rel = sectionByName(elf, '.rel.dyn');
      expect([entries.get(DT_REL), entries.get(DT_RELSZ), entries.get(DT_RELENT)]).toEqual([rel?.addr, rel?.size, 16]);
    } else {
      expect(entries.has(DT_REL)).toBe(false); // a DT_REL with DT_RELSZ 0 is refused by the loader
    }
  });

  it('is deterministic: same input, same bytes, wherever the input sits in memory', () => {
    const input = readFixture(name);
    const shifted = new Uint8Array(input.length + 8);
    shifted.set(input, 8);
    expect(linkSbpfV0(input)).toEqual(output);
    expect(linkSbpfV0(shifted.subarray(8))).toEqual(output);
  });
});

describe('LINKER_VERSION', () => {
  it('names the output bytes: a change of the pinned hash must come with a new LINKER_VERSION', () => {
    const digest = createHash('sha256').update(linkSbpfV0(readFixture('hello'))).digest('hex');
    expect({ version: LINKER_VERSION, digest }).toEqual({
      version: '1.0.0',
      digest: 'b36c240517980ac63eed25c6a5faea14ff185d889bb0483aa7d001fe8be1261a',
    });
  });
});
