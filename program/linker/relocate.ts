import { ByteReader, ByteWriter } from './bytes';
import {
  INSN_SIZE,
  MM_PROGRAM_START,
  OP_CALL_IMM,
  OP_LDDW,
  R_BPF_64_32,
  R_BPF_64_64,
  R_BPF_64_ABS64,
  R_BPF_NONE,
  RELOCATION_NAMES,
  SHF_ALLOC,
  SHN_ABS,
  SHN_UNDEF,
  SHT_REL,
  SHT_RELA,
} from './elf-constants';
import { readRelocations } from './elf-read';
import type { ElfFile, ElfRelocation, ElfSection, ElfSymbol } from './elf-read';
import { LinkError } from './errors';
import { outputAddress, rodataAddress, TEXT_ADDRESS } from './layout';
import type { Placement, SectionPlan } from './layout';

/** A call to a syscall, left as `call -1` for the loader to patch with the murmur3 hash of `name`. */
export interface SyscallSite {
  /** Address (== file offset) of the `call` instruction in the output. */
  readonly offset: number;
  readonly name: string;
}

export interface LinkedImage {
  readonly text: Uint8Array;
  readonly rodata: Uint8Array;
  readonly textAddress: number;
  readonly rodataAddress: number;
  readonly rodataAlign: number;
  readonly syscalls: readonly SyscallSite[];
}

interface Context {
  readonly object: ElfFile;
  readonly plan: SectionPlan;
  readonly symbols: readonly ElfSymbol[];
  readonly text: ByteWriter;
  readonly rodata: ByteWriter;
  readonly syscalls: SyscallSite[];
}

function describe(context: Context, placement: Placement, relocation: ElfRelocation, symbol: ElfSymbol): string {
  const type = RELOCATION_NAMES[relocation.type] ?? `type ${relocation.type}`;
  // Section symbols (local data, string literals) have no name of their own.
  const target = symbol.name || context.object.sections[symbol.shndx]?.name || `symbol ${symbol.index}`;
  return `${type} at ${placement.section.name}+0x${relocation.offset.toString(16)} against ${target}`;
}

/** The output address of a defined symbol, or undefined for an undefined (external) one. */
function symbolAddress(context: Context, symbol: ElfSymbol, where: string): number | undefined {
  if (symbol.shndx === SHN_UNDEF) return undefined;
  if (symbol.shndx === SHN_ABS) throw new LinkError(`${where}: absolute symbols are not supported`);
  const placement = context.plan.placements.get(symbol.shndx);
  if (!placement) throw new LinkError(`${where}: the symbol lives in section ${symbol.shndx}, which is not loaded`);
  return outputAddress(context.plan, placement) + symbol.value;
}

function isTextAddress(context: Context, address: number): boolean {
  return address >= TEXT_ADDRESS && address < TEXT_ADDRESS + context.plan.textSize;
}

function requireOpcode(bytes: Uint8Array, at: number, opcode: number, where: string): void {
  if (bytes[at] !== opcode) {
    throw new LinkError(`${where}: expected opcode 0x${opcode.toString(16)}, found 0x${(bytes[at] ?? 0).toString(16)}`);
  }
}

/** `lddw`: the 64-bit VM address of S + A goes into the two 32-bit immediates. */
function applyLoad64(context: Context, at: number, address: number | undefined, where: string): void {
  const { bytes } = context.text;
  requireOpcode(bytes, at, OP_LDDW, where);
  if (address === undefined) throw new LinkError(`${where}: lddw of an undefined symbol (no section defines it)`);
  const reader = new ByteReader(bytes);
  const addend = reader.u32(at + 4) + reader.u32(at + 12) * 2 ** 32;
  const value = BigInt(MM_PROGRAM_START + address + addend);
  context.text.u32(at + 4, Number(value & 0xffff_ffffn));
  context.text.u32(at + 12, Number(value >> 32n));
}

/** A pointer stored in data (tables of function pointers, vtables): 64-bit VM address of S + A. */
function applyAbs64(context: Context, writer: ByteWriter, at: number, address: number | undefined, where: string): void {
  if (address === undefined) throw new LinkError(`${where}: pointer to an undefined symbol (no section defines it)`);
  const addend = new ByteReader(writer.bytes).u64(at);
  writer.u64(at, MM_PROGRAM_START + address + addend);
}

/**
 * `call`: to a defined function it becomes pc-relative (target = P + 8 + imm × 8), which the v0 loader turns into
 * its own call key; to an undefined symbol it stays `call -1` and gets a dynamic R_BPF_64_32 naming the syscall.
 */
function applyCall(
  context: Context,
  at: number,
  callAddress: number,
  symbol: ElfSymbol,
  address: number | undefined,
  where: string,
): void {
  const { bytes } = context.text;
  requireOpcode(bytes, at, OP_CALL_IMM, where);
  if (address === undefined) {
    if (symbol.name === '') throw new LinkError(`${where}: call to an unnamed undefined symbol`);
    context.text.i32(at + 4, -1);
    context.syscalls.push({ offset: callAddress, name: symbol.name });
    return;
  }
  // REL: the implicit addend sits in imm as (addend - 8) / 8, so the target is S + (imm + 1) × 8.
  const imm = new ByteReader(bytes).i32(at + 4);
  const target = address + (imm + 1) * INSN_SIZE;
  if (!isTextAddress(context, target) || (target - TEXT_ADDRESS) % INSN_SIZE !== 0) {
    throw new LinkError(`${where}: call target 0x${target.toString(16)} is not an instruction of .text`);
  }
  context.text.i32(at + 4, (target - (callAddress + INSN_SIZE)) / INSN_SIZE);
}

function applyRelocation(context: Context, placement: Placement, relocation: ElfRelocation): void {
  const symbol = context.symbols[relocation.symbol];
  if (!symbol) throw new LinkError(`relocation at ${placement.section.name}+0x${relocation.offset.toString(16)} names symbol ${relocation.symbol}, which does not exist`);
  const where = describe(context, placement, relocation, symbol);
  const at = placement.offset + relocation.offset;
  const writer = placement.kind === 'text' ? context.text : context.rodata;
  if (relocation.type === R_BPF_NONE) return;
  if (![R_BPF_64_64, R_BPF_64_ABS64, R_BPF_64_32].includes(relocation.type)) {
    throw new LinkError(
      `${where}: unsupported relocation type ${relocation.type}; this linker knows R_BPF_64_64, R_BPF_64_ABS64 and R_BPF_64_32`,
    );
  }
  const address = symbolAddress(context, symbol, where);
  switch (relocation.type) {
    case R_BPF_64_64:
      if (placement.kind !== 'text') throw new LinkError(`${where}: lddw relocation outside code`);
      return applyLoad64(context, at, address, where);
    case R_BPF_64_ABS64:
      return applyAbs64(context, writer, at, address, where);
    case R_BPF_64_32:
      if (placement.kind !== 'text') throw new LinkError(`${where}: call relocation outside code`);
      return applyCall(context, at, outputAddress(context.plan, placement) + relocation.offset, symbol, address, where);
  }
}

function relocationTables(object: ElfFile, plan: SectionPlan): Array<{ table: ElfSection; placement: Placement }> {
  const tables: Array<{ table: ElfSection; placement: Placement }> = [];
  for (const table of object.sections) {
    if (table.type !== SHT_REL && table.type !== SHT_RELA) continue;
    const target = object.sections[table.info];
    if (!target || (target.flags & SHF_ALLOC) === 0) continue; // debug info, BTF: not loaded
    const placement = plan.placements.get(table.info);
    if (!placement) throw new LinkError(`relocation table ${table.name} targets section ${target.name}, which is not loaded`);
    if (table.type === SHT_RELA) throw new LinkError(`relocation table ${table.name} is SHT_RELA; BPF objects use SHT_REL`);
    tables.push({ table, placement });
  }
  return tables;
}

/** Copies the loadable sections into one `.text` and one `.rodata` and resolves every relocation. */
export function relocate(object: ElfFile, symbols: readonly ElfSymbol[], plan: SectionPlan): LinkedImage {
  const text = new ByteWriter(plan.textSize);
  const rodata = new ByteWriter(plan.rodataSize);
  for (const placement of plan.placements.values()) {
    (placement.kind === 'text' ? text : rodata).set(placement.offset, placement.section.data);
  }
  const context: Context = { object, plan, symbols, text, rodata, syscalls: [] };
  for (const { table, placement } of relocationTables(object, plan)) {
    for (const relocation of readRelocations(table)) applyRelocation(context, placement, relocation);
  }
  const syscalls = [...context.syscalls].sort((a, b) => a.offset - b.offset);
  return { text: text.bytes, rodata: rodata.bytes, textAddress: TEXT_ADDRESS, rodataAddress: rodataAddress(plan), rodataAlign: plan.rodataAlign, syscalls };
}
