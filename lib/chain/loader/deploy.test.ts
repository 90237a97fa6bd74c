import { generateKeyPairSigner, lamports } from '@solana/kit';
import type { TransactionSigner } from '@solana/kit';
import { FailedTransactionMetadata, LiteSVM } from 'litesvm';
import { beforeEach, describe, expect, it } from 'vitest';
import { linkSbpfV0 } from '@/program/linker';
import { patched, readFixture } from '@/program/linker/test-fixtures';
import { LOADER_V3_PROGRAM_ADDRESS, PROGRAMDATA_METADATA_SIZE } from './constants';
import { DeployError, deployUpgradeable, upgradeUpgradeable } from './deploy';
import { findProgramDataAddress } from './instructions';
import { MIN_EXTEND_BYTES } from './plan';
import { signInstructions } from './transaction';

interface World {
  readonly svm: LiteSVM;
  readonly payer: TransactionSigner;
  readonly upgradeAuthority: TransactionSigner;
  readonly programKeypair: TransactionSigner;
}

async function world(): Promise<World> {
  const svm = new LiteSVM();
  const [payer, upgradeAuthority, programKeypair] = await Promise.all([
    generateKeyPairSigner(),
    generateKeyPairSigner(),
    generateKeyPairSigner(),
  ]);
  svm.airdrop(payer.address, lamports(100_000_000_000n));
  return { svm, payer, upgradeAuthority, programKeypair };
}

/** Invokes the program with `data` and no accounts: its logs and whether it succeeded. */
async function invoke(w: World, data: number[]): Promise<{ ok: boolean; logs: string[] }> {
  const transaction = await signInstructions(
    [{ programAddress: w.programKeypair.address, data: new Uint8Array(data) }],
    w.payer,
    { blockhash: w.svm.latestBlockhash(), lastValidBlockHeight: 0n },
  );
  const result = w.svm.sendTransaction(transaction);
  return result instanceof FailedTransactionMetadata
    ? { ok: false, logs: result.meta().logs() }
    : { ok: true, logs: result.logs() };
}

function warpOneSlot(svm: LiteSVM): void {
  svm.warpToSlot(svm.getClock().slot + 1n);
}

const programLog = (logs: readonly string[]): string[] =>
  logs.filter((line) => line.startsWith('Program log: ')).map((line) => line.slice('Program log: '.length));

describe('deployUpgradeable into LiteSVM', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  it.each([
    [0, 'twice', '0xb'],
    [1, 'thrice', '0x11'],
    [2, 'square', '0x19'],
  ])('deploys the linked C fixture; it runs and calls %i (%s) through its pointer table', async (pick, _name, result) => {
    const bytes = linkSbpfV0(readFixture('hello'));
    const deployed = await deployUpgradeable(w.svm, { ...w, bytes });
    warpOneSlot(w.svm);
    const run = await invoke(w, [pick, 5]);
    expect(run.ok).toBe(true);
    expect(programLog(run.logs)).toEqual(['hello from the sbpf linker', `${result}, 0x11, 0x19, 0xb, 0x2`, 'bye']);
    expect(run.logs.at(-1)).toBe(`Program ${deployed.programId} success`);
  });

  it('deploys the linked Rust fixture (trait objects, a fn-pointer table, syscalls); it runs', async () => {
    await deployUpgradeable(w.svm, { ...w, bytes: linkSbpfV0(readFixture('rust-hello')) });
    warpOneSlot(w.svm);
    const run = await invoke(w, [1, 0, 0]);
    expect(run.ok).toBe(true);
    expect(programLog(run.logs)).toEqual(['hello from the rust linker fixture', '0x1d, 0x14, 0x3, 0x0, 0x0']);
  });

  it('deploys a program without syscalls (no .rel.dyn); its return code is its result', async () => {
    await deployUpgradeable(w.svm, { ...w, bytes: linkSbpfV0(readFixture('plain')) });
    warpOneSlot(w.svm);
    expect((await invoke(w, [0])).ok).toBe(true);
    expect((await invoke(w, [1])).ok).toBe(false);
  });

  it('leaves an executable program account and ProgramData holding the bytes, owned by the loader', async () => {
    const bytes = linkSbpfV0(readFixture('hello'));
    const deployed = await deployUpgradeable(w.svm, { ...w, bytes, maxDataLen: bytes.length + 100 });
    const program = w.svm.getAccount(deployed.programId);
    const programData = w.svm.getAccount(deployed.programData);
    if (!program.exists || !programData.exists) throw new Error('program accounts missing');
    expect([program.executable, program.programAddress]).toEqual([true, LOADER_V3_PROGRAM_ADDRESS]);
    expect(programData.data.length).toBe(PROGRAMDATA_METADATA_SIZE + bytes.length + 100);
    expect([...programData.data.subarray(PROGRAMDATA_METADATA_SIZE, PROGRAMDATA_METADATA_SIZE + bytes.length)]).toEqual([...bytes]);
    expect(w.svm.getAccount(deployed.buffer).exists).toBe(false); // the deploy closes the buffer
  });

  it('reports each transaction of the flow with its compute units', async () => {
    const bytes = linkSbpfV0(readFixture('rust-hello'));
    const { steps } = await deployUpgradeable(w.svm, { ...w, bytes });
    expect(steps.map((s) => s.label)).toEqual(['InitializeBuffer', 'Write 0..862', 'Write 862..1724', 'Write 1724..2256', 'DeployWithMaxDataLen']);
    for (const step of steps) expect(Number(step.computeUnits)).toBeGreaterThan(0);
    expect(steps.every((s) => s.computeUnits < 10_000n)).toBe(true);
  });

  // LiteSVM enables SBPF v0 to v3 (e_flags 1, SBPF v1, happens to load this fixture and run it); each of these
  // is refused by DeployWithMaxDataLen, which loads and verifies the ELF as the cluster does.
  it.each([
    ['e_flags = 2 (SBPF v2: other opcodes)', () => patched(linkSbpfV0(readFixture('hello')), 48, 2, 4), /Verifier error: unknown eBPF opcode/],
    ['e_flags = 3 (SBPF v3: strict ELF layout)', () => patched(linkSbpfV0(readFixture('hello')), 48, 3, 4), /Invalid ELF program header/],
    ['e_flags = 4 (not enabled)', () => patched(linkSbpfV0(readFixture('hello')), 48, 4, 4), /sbpf_version required by the executable which are not enabled/],
    ['a -mcpu=v3 build (jmp32)', () => linkSbpfV0(readFixture('jmp32-v3'), { refuseJmp32: false }), /Verifier error: unknown eBPF opcode 0x26/],
  ])('refuses a program linked for the wrong version: %s', async (_label, build, log) => {
    const failure = await deployUpgradeable(w.svm, { ...w, bytes: build() }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(DeployError);
    const error = failure as DeployError;
    expect(error.step).toBe('DeployWithMaxDataLen');
    expect(error.reason).toMatch(/InvalidAccountData/);
    expect(error.logs.join('\n')).toMatch(log);
    expect(w.svm.getAccount(w.programKeypair.address).exists).toBe(false);
  });
});

describe('upgradeUpgradeable in LiteSVM', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  const programData = async () => {
    const account = w.svm.getAccount(await findProgramDataAddress(w.programKeypair.address));
    if (!account.exists) throw new Error('no ProgramData');
    return account.data;
  };
  const holds = (data: Uint8Array, bytes: Uint8Array) =>
    [...data.subarray(PROGRAMDATA_METADATA_SIZE, PROGRAMDATA_METADATA_SIZE + bytes.length)].every((b, i) => b === bytes[i]) &&
    data.subarray(PROGRAMDATA_METADATA_SIZE + bytes.length).every((b) => b === 0);

  it('upgrades to a larger binary: ExtendProgram (by at least 10 KiB, SIMD-0431) then Upgrade; the new program runs', async () => {
    const small = linkSbpfV0(readFixture('hello'));
    const large = linkSbpfV0(readFixture('rust-hello'));
    expect(large.length).toBeGreaterThan(small.length);
    await deployUpgradeable(w.svm, { ...w, bytes: small });
    warpOneSlot(w.svm);
    const steps = await upgradeUpgradeable(w.svm, { ...w, program: w.programKeypair.address, bytes: large });
    expect(steps.filter((s) => !s.label.startsWith('Write')).map((s) => s.label)).toEqual(['InitializeBuffer', `ExtendProgram +${MIN_EXTEND_BYTES}`, 'Upgrade']);
    const data = await programData();
    expect(data.length).toBe(PROGRAMDATA_METADATA_SIZE + small.length + MIN_EXTEND_BYTES);
    expect(holds(data, large)).toBe(true);
    const run = await invoke(w, [1, 0, 0]);
    expect(run.ok).toBe(true);
    expect(programLog(run.logs)).toEqual(['hello from the rust linker fixture', '0x1d, 0x14, 0x3, 0x0, 0x0']);
  });

  it('upgrades to a smaller binary without extending; the rest of the ProgramData is zeroed; the buffer is closed', async () => {
    const small = linkSbpfV0(readFixture('hello'));
    const large = linkSbpfV0(readFixture('rust-hello'));
    await deployUpgradeable(w.svm, { ...w, bytes: large });
    warpOneSlot(w.svm);
    const buffer = await generateKeyPairSigner();
    const steps = await upgradeUpgradeable(w.svm, { ...w, program: w.programKeypair.address, bytes: small, bufferKeypair: buffer });
    expect(steps.some((s) => s.label.startsWith('Extend'))).toBe(false);
    const data = await programData();
    expect(data.length).toBe(PROGRAMDATA_METADATA_SIZE + large.length);
    expect(holds(data, small)).toBe(true);
    expect(w.svm.getAccount(buffer.address).exists).toBe(false);
    const run = await invoke(w, [0, 5]);
    expect(programLog(run.logs)[0]).toBe('hello from the sbpf linker');
  });

  it('refuses an Upgrade signed by another authority and leaves the program as it was', async () => {
    const small = linkSbpfV0(readFixture('hello'));
    await deployUpgradeable(w.svm, { ...w, bytes: small });
    warpOneSlot(w.svm);
    const intruder = await generateKeyPairSigner();
    const failure = await upgradeUpgradeable(w.svm, { ...w, upgradeAuthority: intruder, program: w.programKeypair.address, bytes: linkSbpfV0(readFixture('plain')) }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(DeployError);
    expect((failure as DeployError).step).toBe('Upgrade');
    expect(holds(await programData(), small)).toBe(true);
  });
});
