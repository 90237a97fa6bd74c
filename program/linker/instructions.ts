import { CLASS_JMP32, INSN_SIZE, OP_CALL_REG, OP_LDDW } from './elf-constants';
import { LinkError } from './errors';

/** Offsets of the instruction slots of `text`, skipping the second half of each `lddw`. */
function* instructionOffsets(text: Uint8Array): Generator<number> {
  for (let at = 0; at + INSN_SIZE <= text.length; at += INSN_SIZE) {
    yield at;
    if (text[at] === OP_LDDW) at += INSN_SIZE;
  }
}

/**
 * LLVM 19+ encodes `callx rN` with N in dst_reg and imm 0; SBPF v0 reads the register number from imm (the
 * interpreter calls `reg[imm]`, so an unconverted callx jumps to the address held in r0). Moves it, in place.
 * Returns how many instructions were rewritten.
 */
export function rewriteCallx(text: Uint8Array): number {
  const view = new DataView(text.buffer, text.byteOffset, text.byteLength);
  let rewritten = 0;
  for (const at of instructionOffsets(text)) {
    if (text[at] !== OP_CALL_REG) continue;
    const registers = text[at + 1] ?? 0;
    const dst = registers & 0x0f;
    if (view.getInt32(at + 4, true) !== 0 || dst === 0) continue; // already v0 form, or callx r0 (same either way)
    view.setInt32(at + 4, dst, true);
    text[at + 1] = registers & 0xf0;
    rewritten++;
  }
  return rewritten;
}

/** Refuses BPF_JMP32 instructions (emitted by `-mcpu=v3`), which SBPF v0's verifier rejects at deploy. */
export function refuseJmp32(text: Uint8Array, textAddress: number): void {
  const found: number[] = [];
  for (const at of instructionOffsets(text)) {
    if (((text[at] ?? 0) & 0x07) === CLASS_JMP32) found.push(textAddress + at);
  }
  if (found.length === 0) return;
  const first = found[0] ?? 0;
  throw new LinkError(
    `${found.length} jmp32 instruction(s), the first at 0x${first.toString(16)} (opcode 0x${(text[first - textAddress] ?? 0).toString(16)}): ` +
      'SBPF v0 has no BPF_JMP32 class; compile with clang -mcpu=v2 (or v1), not v3',
  );
}
