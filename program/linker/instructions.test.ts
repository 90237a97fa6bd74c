import { describe, expect, it } from 'vitest';
import { refuseJmp32, rewriteCallx } from './instructions';
import { LinkError } from './errors';
import { linkSbpfV0 } from './link';
import { readFixture } from './test-fixtures';

/** One 8-byte instruction: opcode, dst | src << 4, offset, imm. */
function insn(opcode: number, dst: number, src: number, imm: number): number[] {
  const bytes = new Uint8Array(8);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, opcode);
  view.setUint8(1, dst | (src << 4));
  view.setInt32(4, imm, true);
  return [...bytes];
}

describe('rewriteCallx', () => {
  it.each([
    ['LLVM 19+ callx r2 (dst_reg 2, imm 0)', insn(0x8d, 2, 0, 0), insn(0x8d, 0, 0, 2), 1],
    ['LLVM 19+ callx r9', insn(0x8d, 9, 0, 0), insn(0x8d, 0, 0, 9), 1],
    ['already SBPF v0 form (imm 3)', insn(0x8d, 0, 0, 3), insn(0x8d, 0, 0, 3), 0],
    ['callx r0 (both encodings agree)', insn(0x8d, 0, 0, 0), insn(0x8d, 0, 0, 0), 0],
    ['not a callx (call imm)', insn(0x85, 1, 1, 5), insn(0x85, 1, 1, 5), 0],
  ])('%s', (_label, before, after, count) => {
    const text = new Uint8Array(before);
    expect(rewriteCallx(text)).toBe(count);
    expect([...text]).toEqual(after);
  });

  it('does not read the second half of an lddw as an instruction', () => {
    const lddw = [...insn(0x18, 1, 0, 0), 0x8d, 0x02, 0, 0, 0, 0, 0, 0]; // high half whose first byte is 0x8d
    const text = new Uint8Array([...lddw, ...insn(0x8d, 3, 0, 0)]);
    expect(rewriteCallx(text)).toBe(1);
    expect([...text.subarray(8, 16)]).toEqual(lddw.slice(8));
    expect([...text.subarray(16)]).toEqual(insn(0x8d, 0, 0, 3));
  });
});

describe('refuseJmp32', () => {
  it('accepts 64-bit jumps', () => {
    expect(() => refuseJmp32(new Uint8Array([...insn(0x25, 1, 0, 7), ...insn(0x95, 0, 0, 0)]), 0xe8)).not.toThrow();
  });

  it('refuses a jmp32 with its address and the fix', () => {
    const text = new Uint8Array([...insn(0xb7, 0, 0, 1), ...insn(0x26, 1, 0, 7)]);
    expect(() => refuseJmp32(text, 0xe8)).toThrow(/1 jmp32 instruction\(s\), the first at 0xf0 \(opcode 0x26\).*-mcpu=v2/);
  });

  it('refuses a -mcpu=v3 build at link time unless told not to', () => {
    expect(() => linkSbpfV0(readFixture('jmp32-v3'))).toThrow(LinkError);
    expect(linkSbpfV0(readFixture('jmp32-v3'), { refuseJmp32: false }).length).toBeGreaterThan(0);
  });
});
