import { describe, expect, it } from 'vitest';
import { SHT_SYMTAB } from './elf-constants';
import { readElf, sectionByName } from './elf-read';
import { LinkError } from './errors';
import { linkSbpfV0 } from './link';
import { patched, readFixture } from './test-fixtures';

const hello = readFixture('hello');
const helloElf = readElf(hello);

/** A copy of hello.o whose first .rel.text entry has relocation type `type`. */
function withRelocationType(type: number): Uint8Array {
  const relText = sectionByName(helloElf, '.rel.text');
  if (!relText) throw new Error('hello.o has no .rel.text');
  return patched(hello, relText.offset + 8, type, 4);
}

/** A copy of hello.o where the name `entrypoint` is spelled `entrypoinX`. */
function withoutEntrypoint(): Uint8Array {
  const symtab = helloElf.sections.find((s) => s.type === SHT_SYMTAB);
  const strtab = symtab ? helloElf.sections[symtab.link] : undefined;
  if (!strtab) throw new Error('hello.o has no .strtab');
  const at = new TextDecoder('latin1').decode(strtab.data).indexOf('entrypoint\0');
  return patched(hello, strtab.offset + at + 'entrypoin'.length, 'X'.charCodeAt(0), 1);
}

describe('linkSbpfV0 refuses', () => {
  it('writable data, naming each section and its symbols', () => {
    const link = () => linkSbpfV0(readFixture('mutable'));
    expect(link).toThrow(LinkError);
    expect(link).toThrow(/no writable data, but the object has \.data \(limit\); \.bss \(counter\)\..*immutable/);
  });

  it.each([
    [3, 'R_BPF_64_ABS32'],
    [4, 'R_BPF_64_NODYLD32'],
    [8, 'type 8'],
    [99, 'type 99'],
  ])('relocation type %i (%s), with where it is and what is known', (type, name) => {
    expect(() => linkSbpfV0(withRelocationType(type))).toThrow(
      new RegExp(`${name} at \\.text\\+0x[0-9a-f]+ against \\.rodata: unsupported relocation type ${type}; this linker knows R_BPF_64_64, R_BPF_64_ABS64 and R_BPF_64_32`),
    );
  });

  it.each([
    ['a relocatable object of another machine', patched(hello, 18, 62, 2), /e_machine is 62, not EM_BPF/],
    ['a shared object (already linked)', linkSbpfV0(hello), /e_type is 3, not ET_REL/],
    ['a file that is not ELF', new Uint8Array(128), /not an ELF file/],
    ['a truncated file', hello.subarray(0, 40), /too short for an ELF header/],
    ['an object without an entrypoint', withoutEntrypoint(), /no global function `entrypoint`/],
  ])('%s', (_label, bytes, message) => {
    expect(() => linkSbpfV0(bytes)).toThrow(message);
  });
});
