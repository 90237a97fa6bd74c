import { describe, expect, it } from 'vitest';
import { ByteReader } from './bytes';
import { MM_PROGRAM_START, OP_CALL_IMM, OP_CALL_REG, OP_LDDW, R_BPF_64_32, SHF_EXECINSTR, SHT_SYMTAB, STT_FUNC } from './elf-constants';
import { readElf, readRelocations, readSymbols, sectionByName } from './elf-read';
import type { ElfFile } from './elf-read';
import { linkSbpfV0 } from './link';
import { readFixture } from './test-fixtures';

/*
 * hello.o (fixtures/hello.c) holds every relocation kind: lddw of .rodata and .rodata.str1.1 (R_BPF_64_64),
 * a table of three function pointers (R_BPF_64_ABS64 against a global, a section symbol + addend and .text +
 * addend), calls across code sections (R_BPF_64_32 against a global and a section symbol + addend), syscalls
 * (R_BPF_64_32 against undefined symbols) and one callx.
 */
const input = readElf(readFixture('hello'));
const output = readElf(linkSbpfV0(readFixture('hello')));
const text = sectionByName(output, '.text');
const rodata = sectionByName(output, '.rodata');
if (!text || !rodata) throw new Error('linked hello has no .text or .rodata');
const textReader = new ByteReader(text.data);
const fileView = new DataView(output.bytes.buffer, output.bytes.byteOffset, output.bytes.byteLength);
const u64At = (address: number): number => Number(fileView.getBigUint64(address, true));

interface Insn {
  readonly address: number;
  readonly opcode: number;
  readonly dst: number;
  readonly src: number;
  readonly imm: number;
  readonly wide?: number;
}

function instructions(): Insn[] {
  const list: Insn[] = [];
  for (let at = 0; at < text!.data.length; at += 8) {
    const opcode = textReader.u8(at);
    const registers = textReader.u8(at + 1);
    const insn = { address: text!.addr + at, opcode, dst: registers & 0xf, src: registers >> 4, imm: textReader.i32(at + 4) };
    if (opcode === OP_LDDW) {
      list.push({ ...insn, wide: textReader.u32(at + 4) + textReader.u32(at + 12) * 2 ** 32 });
      at += 8;
    } else list.push(insn);
  }
  return list;
}

/** Output address of each input function: code sections are concatenated in section order. */
function functionAddresses(object: ElfFile, textAddress: number): Map<string, number> {
  const bases = new Map<number, number>();
  let offset = textAddress;
  for (const section of object.sections) {
    if (!(section.flags & SHF_EXECINSTR)) continue;
    bases.set(section.index, offset);
    offset += section.size;
  }
  const table = object.sections.find((s) => s.type === SHT_SYMTAB);
  const addresses = new Map<string, number>();
  for (const symbol of table ? readSymbols(object, table) : []) {
    const base = bases.get(symbol.shndx);
    if (symbol.type === STT_FUNC && base !== undefined) addresses.set(symbol.name, base + symbol.value);
  }
  return addresses;
}

const functions = functionAddresses(input, text.addr);
const nameAt = new Map([...functions].map(([name, address]) => [address, name]));
const cString = (address: number): string => {
  const bytes = output.bytes.subarray(address);
  return new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(0)));
};

describe('R_BPF_64_64 (lddw of a data address)', () => {
  const loads = instructions().filter((i) => i.opcode === OP_LDDW);

  it('resolves every lddw statically to 0x1_0000_0000 + an address inside .rodata', () => {
    expect(loads.length).toBe(3);
    for (const load of loads) {
      const address = (load.wide ?? 0) - MM_PROGRAM_START;
      expect(address).toBeGreaterThanOrEqual(rodata.addr);
      expect(address).toBeLessThan(rodata.addr + rodata.size);
    }
  });

  it.each([
    ['.rodata + addend (GREETING)', 'hello from the sbpf linker'],
    ['.rodata.str1.1 (a string literal)', 'bye'],
  ])('points at the right bytes: %s', (_label, expected) => {
    const strings = loads.map((load) => cString((load.wide ?? 0) - MM_PROGRAM_START));
    expect(strings).toContain(expected);
  });
});

describe('R_BPF_64_ABS64 (pointers in data)', () => {
  const table = instructions()
    .filter((i) => i.opcode === OP_LDDW)
    .map((i) => (i.wide ?? 0) - MM_PROGRAM_START)
    .find((address) => nameAt.has(u64At(address) - MM_PROGRAM_START));

  it.each([
    [0, 'twice', 'a global symbol'],
    [1, 'thrice', 'the .text.helpers section symbol + 0x20'],
    [2, 'square', 'the .text section symbol + its offset'],
  ])('OPERATIONS[%i] is 0x1_0000_0000 + the address of %s (%s)', (index, name) => {
    expect(table).toBeDefined();
    const pointer = u64At((table ?? 0) + index * 8);
    expect(pointer - MM_PROGRAM_START).toBe(functions.get(name));
  });
});

describe('R_BPF_64_32 (calls)', () => {
  const calls = instructions().filter((i) => i.opcode === OP_CALL_IMM);

  it('makes calls to defined functions pc-relative: target = pc + 1 + imm, at a function start', () => {
    const internal = calls.filter((c) => c.imm !== -1);
    const targets = internal.map((c) => nameAt.get(c.address + 8 + c.imm * 8));
    expect(targets.sort()).toEqual(['square', 'thrice', 'twice']);
  });

  it('leaves syscalls as call -1 with a dynamic R_BPF_64_32 naming them in .dynsym', () => {
    const relDyn = sectionByName(output, '.rel.dyn');
    const dynsym = sectionByName(output, '.dynsym');
    if (!relDyn || !dynsym) throw new Error('no .rel.dyn or .dynsym');
    const symbols = readSymbols(output, dynsym);
    const sites = readRelocations(relDyn).map((r) => ({ address: r.offset, type: r.type, name: symbols[r.symbol]?.name }));
    const syscallCalls = calls.filter((c) => c.imm === -1).map((c) => c.address);
    expect(sites.map((s) => s.address)).toEqual(syscallCalls);
    expect(sites.map((s) => s.type)).toEqual(sites.map(() => R_BPF_64_32));
    expect(sites.map((s) => s.name)).toEqual(['sol_log_', 'sol_log_64_', 'sol_log_']);
    expect(symbols.slice(1).map((s) => [s.name, s.shndx, s.value, s.bind])).toEqual([
      ['sol_log_', 0, 0, 1],
      ['sol_log_64_', 0, 0, 1],
    ]);
  });

  it('keeps the relocations of the input: one output call per input call relocation', () => {
    const relText = sectionByName(input, '.rel.text');
    const inputCalls = relText ? readRelocations(relText).filter((r) => r.type === R_BPF_64_32) : [];
    const crossSection = calls.filter((c) => c.imm !== -1 && nameAt.get(c.address + 8 + c.imm * 8) !== 'square');
    expect(inputCalls.length).toBe(crossSection.length + calls.filter((c) => c.imm === -1).length);
  });
});

describe('callx', () => {
  it('carries the register in imm (SBPF v0), not in dst_reg (LLVM 19+)', () => {
    const callx = instructions().filter((i) => i.opcode === OP_CALL_REG);
    expect(callx.map((i) => [i.dst, i.src, i.imm])).toEqual([[0, 0, 2]]);
  });
});
