import {
  appendTransactionMessageInstructions,
  blockhash,
  compileTransaction,
  createTransactionMessage,
  generateKeyPairSigner,
  getTransactionEncoder,
  pipe,
  setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash,
} from '@solana/kit';
import type { Address, Instruction, TransactionSigner } from '@solana/kit';
import { describe, expect, it } from 'vitest';
import { LOADER_V3_INSTRUCTION, TRANSACTION_SIZE_LIMIT, WRITE_CHUNK_BYTES } from './constants';
import { getWriteInstruction } from './instructions';
import { extendBytesFor, MAX_ACCOUNT_DATA_BYTES, MIN_EXTEND_BYTES, planUpgradeableDeploy, planUpgradeableUpgrade } from './plan';
import { findProgramDataAddress } from './instructions';

const [payer, program, buffer, authority] = await Promise.all([
  generateKeyPairSigner(),
  generateKeyPairSigner(),
  generateKeyPairSigner(),
  generateKeyPairSigner(),
]);
const COMPUTE_BUDGET = 'ComputeBudget111111111111111111111111111111' as Address;

/** Bytes of (offset, chunk) of every Write, decoded back from the instruction data. */
function writes(steps: ReadonlyArray<{ instructions: readonly Instruction[] }>): Array<[number, number]> {
  return steps.flatMap((step) =>
    step.instructions
      .filter((ix) => ix.data?.[0] === LOADER_V3_INSTRUCTION.write)
      .map((ix) => {
        const view = new DataView(Uint8Array.from(ix.data ?? []).buffer);
        return [view.getUint32(4, true), Number(view.getBigUint64(8, true))] as [number, number];
      }),
  );
}

function wireSize(instructions: readonly Instruction[], feePayer: TransactionSigner): number {
  const message = pipe(
    createTransactionMessage({ version: 0 }),
    (m) => setTransactionMessageFeePayerSigner(feePayer, m),
    (m) => setTransactionMessageLifetimeUsingBlockhash({ blockhash: blockhash('11111111111111111111111111111111'), lastValidBlockHeight: 0n }, m),
    (m) => appendTransactionMessageInstructions(instructions, m),
  );
  return getTransactionEncoder().encode(compileTransaction(message)).length;
}

const plan = (bytes: Uint8Array, extra: { maxDataLen?: number } = {}) =>
  planUpgradeableDeploy({ payer, program, buffer, upgradeAuthority: authority, bytes, rentExempt: { buffer: 5n, program: 7n }, ...extra });

describe('planUpgradeableDeploy', () => {
  it.each([1, WRITE_CHUNK_BYTES, WRITE_CHUNK_BYTES + 1, 5_000])('writes all of %i bytes once, in order', async (size) => {
    const { steps } = await plan(new Uint8Array(size));
    const chunks = writes(steps);
    expect(chunks.map(([offset]) => offset)).toEqual(Array.from({ length: Math.ceil(size / WRITE_CHUNK_BYTES) }, (_, i) => i * WRITE_CHUNK_BYTES));
    expect(chunks.reduce((sum, [, length]) => sum + length, 0)).toBe(size);
    expect(steps.length).toBe(chunks.length + 2);
  });

  it('creates and initializes the buffer first, creates the program and deploys last', async () => {
    const { steps, programData, maxDataLen } = await plan(new Uint8Array(100));
    const first = steps[0];
    const last = steps.at(-1);
    expect(first?.label).toBe('InitializeBuffer');
    expect(first?.instructions.map((ix) => [ix.programAddress, ix.data?.[0]])).toEqual([
      ['11111111111111111111111111111111', 0], // CreateAccount
      ['BPFLoaderUpgradeab1e11111111111111111111111', LOADER_V3_INSTRUCTION.initializeBuffer],
    ]);
    expect(last?.label).toBe('DeployWithMaxDataLen');
    expect(last?.instructions.map((ix) => ix.data?.[0])).toEqual([0, LOADER_V3_INSTRUCTION.deployWithMaxDataLen]);
    expect(last?.instructions[1]?.accounts?.[1]?.address).toBe(programData);
    expect(maxDataLen).toBe(100);
  });

  it('refuses a maxDataLen below the program size and an empty program', async () => {
    await expect(plan(new Uint8Array(10), { maxDataLen: 9 })).rejects.toThrow(/below the program's 10 bytes/);
    await expect(plan(new Uint8Array(0))).rejects.toThrow(/empty/);
  });

  it('fits a full Write in one transaction with a distinct fee payer and two compute-budget instructions', () => {
    const computeBudget: Instruction[] = [
      { programAddress: COMPUTE_BUDGET, data: new Uint8Array([2, 0, 0, 0, 0]) }, // SetComputeUnitLimit(u32)
      { programAddress: COMPUTE_BUDGET, data: new Uint8Array([3, 0, 0, 0, 0, 0, 0, 0, 0]) }, // SetComputeUnitPrice(u64)
    ];
    const write = (length: number) => getWriteInstruction({ buffer: buffer.address, authority, offset: 0, bytes: new Uint8Array(length) });
    expect(wireSize([...computeBudget, write(WRITE_CHUNK_BYTES)], payer)).toBeLessThanOrEqual(TRANSACTION_SIZE_LIMIT);
    expect(wireSize([...computeBudget, write(WRITE_CHUNK_BYTES + 1)], payer)).toBeGreaterThan(TRANSACTION_SIZE_LIMIT);
  });
});

describe('planUpgradeableUpgrade', () => {
  const upgradePlan = (bytes: Uint8Array, programDataLength: number) =>
    planUpgradeableUpgrade({ payer, program: program.address, buffer, upgradeAuthority: authority, bytes, programDataLength, rentExempt: { buffer: 5n } });

  it.each([
    ['fits exactly', 45 + 1_000, 1_000, 0],
    ['smaller', 45 + 1_000, 400, 0],
    ['1,392 bytes larger: extended by the 10 KiB minimum', 45 + 561_672, 563_064, MIN_EXTEND_BYTES],
    ['20,000 bytes larger: extended by what is missing', 45 + 100, 20_100, 20_000],
    ['near the 10 MiB maximum: extended to it', MAX_ACCOUNT_DATA_BYTES - 100, MAX_ACCOUNT_DATA_BYTES - 45 - 50, 100],
  ])('extendBytesFor: %s', (_label, programDataLength, programBytes, expected) => {
    expect(extendBytesFor(programDataLength, programBytes)).toBe(expected);
  });

  it('refuses a program larger than any ProgramData', () => {
    expect(() => extendBytesFor(45 + 100, MAX_ACCOUNT_DATA_BYTES)).toThrow(/does not fit/);
  });

  it('writes a buffer the upgrade authority owns, extends when the program outgrew its ProgramData, upgrades last', async () => {
    const { bufferSteps, extend, upgrade, programData } = await upgradePlan(new Uint8Array(5_000), 45 + 4_000);
    expect(programData).toBe(await findProgramDataAddress(program.address));
    expect(bufferSteps[0]?.instructions[1]?.accounts?.[1]?.address).toBe(authority.address);
    expect(writes(bufferSteps).reduce((sum, [, length]) => sum + length, 0)).toBe(5_000);
    expect(extend?.additionalBytes).toBe(MIN_EXTEND_BYTES);
    expect(extend?.step.instructions.map((ix) => ix.data?.[0])).toEqual([LOADER_V3_INSTRUCTION.extendProgram]);
    expect(extend?.checkedStep.instructions.map((ix) => ix.data?.[0])).toEqual([LOADER_V3_INSTRUCTION.extendProgramChecked]);
    expect(upgrade.instructions.map((ix) => ix.data?.[0])).toEqual([LOADER_V3_INSTRUCTION.upgrade]);
    expect(upgrade.instructions[0]?.accounts?.[3]?.address).toBe(payer.address); // the buffer's lamports go back
    expect((await upgradePlan(new Uint8Array(4_000), 45 + 4_000)).extend).toBeUndefined();
    await expect(upgradePlan(new Uint8Array(0), 45 + 4_000)).rejects.toThrow(/empty/);
  });
});
