/**
 * Deploys a program binary through the BPF Loader Upgradeable over a ChainClient: InitializeBuffer, the Writes
 * (sent concurrently, in waves; one JSON-RPC batch per wave where the client can), DeployWithMaxDataLen. Upgrades
 * one the same way: buffer and Writes, ExtendProgram when the binary outgrew the ProgramData, Upgrade. The same
 * flow on the local chain and on a real cluster.
 */
import { generateKeyPairSigner, type Address, type TransactionSigner } from '@solana/kit';
import { bufferAccountSize, planUpgradeableDeploy, planUpgradeableUpgrade, programAccountSize, type DeployStep } from '@/lib/chain/loader/plan';
import { findProgramDataAddress } from '@/lib/chain/loader/instructions';
import { sendInstructions, signWire, type ChainClient } from './chain-client';

export interface DeployProgramInput {
  client: ChainClient;
  payer: TransactionSigner;
  program: TransactionSigner;
  upgradeAuthority: TransactionSigner;
  bytes: Uint8Array;
  /** Writes in flight at once. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Sends independent steps (the Writes) `concurrency` at a time; one batch per wave where the client can. */
async function sendWaves(
  client: ChainClient,
  steps: readonly DeployStep[],
  signers: (step: DeployStep) => TransactionSigner[],
  concurrency: number,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  let done = 0;
  for (let at = 0; at < steps.length; at += concurrency) {
    const wave = steps.slice(at, at + concurrency);
    if (client.sendMany) {
      // One batch per wave: a chain that group-commits writes the buffer once per wave, not once per Write.
      await client.sendMany(await Promise.all(wave.map((step) => signWire(client, step.instructions, signers(step)))));
    } else {
      await Promise.all(wave.map((step) => sendInstructions(client, step.instructions, signers(step))));
    }
    done += wave.length;
    onProgress?.(done, steps.length);
  }
}

/** The payer first, then every other signer (deduplicated by address). */
const payerFirst = (payer: TransactionSigner, others: readonly TransactionSigner[]): TransactionSigner[] => [
  payer,
  ...others.filter((s, k) => s.address !== payer.address && others.findIndex((o) => o.address === s.address) === k),
];

export async function deployProgram(i: DeployProgramInput): Promise<void> {
  const buffer = await generateKeyPairSigner();
  const plan = await planUpgradeableDeploy({
    payer: i.payer,
    program: i.program,
    buffer,
    upgradeAuthority: i.upgradeAuthority,
    bytes: i.bytes,
    rentExempt: {
      buffer: await i.client.minimumBalance(BigInt(bufferAccountSize(i.bytes.length))),
      program: await i.client.minimumBalance(BigInt(programAccountSize())),
    },
  });
  const [first, ...rest] = plan.steps;
  const last = rest.pop();
  if (!first || !last) throw new Error('a deploy plan has at least two steps');
  const signers = payerFirst(i.payer, [buffer, i.program, i.upgradeAuthority]);
  await sendInstructions(i.client, first.instructions, signers);
  await sendWaves(i.client, rest, () => signers, i.concurrency ?? 64, i.onProgress);
  await sendInstructions(i.client, last.instructions, signers);
}

export interface UpgradeProgramInput {
  client: ChainClient;
  /** Pays the buffer and the extension, and receives the buffer's lamports back. */
  payer: TransactionSigner;
  program: Address;
  /** The program's upgrade authority (also the buffer's). */
  upgradeAuthority: TransactionSigner;
  bytes: Uint8Array;
  /**
   * Resolves once the chain is in a slot after every transaction sent so far: the loader refuses ExtendProgram and
   * Upgrade in the slot of the program's last deploy, extension or upgrade, and runs the new bytes from the next
   * slot. Called before the extension, before the Upgrade and after it. The local chain ticks; a cluster waits.
   */
  nextSlot: () => Promise<void>;
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
  /** Each transaction of the upgrade besides the Writes, as it is sent (InitializeBuffer, ExtendProgram…, Upgrade). */
  onStep?: (label: string) => void;
}

export interface UpgradeProgramResult {
  /** Bytes the ProgramData grew by (0: the binary fitted). */
  extendedBy: number;
  /** "ExtendProgram" or "ExtendProgramChecked" (SIMD-0164 runtimes), when it was extended. */
  extendInstruction?: 'ExtendProgram' | 'ExtendProgramChecked';
}

/** Upgrades the deployed upgradeable `program` to `bytes`, signed by its upgrade authority. */
export async function upgradeProgram(i: UpgradeProgramInput): Promise<UpgradeProgramResult> {
  const programDataAddress = await findProgramDataAddress(i.program);
  const programData = await i.client.getAccount(programDataAddress);
  if (!programData) throw new Error(`${i.program} has no ProgramData account ${programDataAddress}: it is not an upgradeable program`);
  const buffer = await generateKeyPairSigner();
  const plan = await planUpgradeableUpgrade({
    payer: i.payer,
    program: i.program,
    buffer,
    upgradeAuthority: i.upgradeAuthority,
    bytes: i.bytes,
    programDataLength: programData.data.length,
    rentExempt: { buffer: await i.client.minimumBalance(BigInt(bufferAccountSize(i.bytes.length))) },
  });
  const [create, ...writes] = plan.bufferSteps;
  if (!create) throw new Error('an upgrade plan creates its buffer first');
  const signers = payerFirst(i.payer, [buffer, i.upgradeAuthority]);
  const send = async (step: DeployStep, who: TransactionSigner[]) => {
    i.onStep?.(step.label);
    await sendInstructions(i.client, step.instructions, who);
  };
  await send(create, signers);
  await sendWaves(i.client, writes, () => signers, i.concurrency ?? 64, i.onProgress);
  const withoutBuffer = payerFirst(i.payer, [i.upgradeAuthority]);
  let extendInstruction: UpgradeProgramResult['extendInstruction'];
  if (plan.extend) {
    await i.nextSlot();
    // A runtime with SIMD-0164 refuses ExtendProgram (InvalidInstructionData) and takes ExtendProgramChecked;
    // one without refuses the checked one the same way. Ask the chain which it is.
    const probe = await signWire(i.client, plan.extend.step.instructions, withoutBuffer);
    const { err } = await i.client.simulate(probe.wire);
    const checked = err !== null && err !== undefined && /InvalidInstructionData/.test(JSON.stringify(err));
    await send(checked ? plan.extend.checkedStep : plan.extend.step, withoutBuffer);
    extendInstruction = checked ? 'ExtendProgramChecked' : 'ExtendProgram';
  }
  await i.nextSlot();
  await send(plan.upgrade, withoutBuffer);
  await i.nextSlot();
  return { extendedBy: plan.extend?.additionalBytes ?? 0, extendInstruction };
}
