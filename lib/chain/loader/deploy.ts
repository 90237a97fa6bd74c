import { generateKeyPairSigner } from '@solana/kit';
import type { Address, TransactionSigner } from '@solana/kit';
import type { FailedTransactionMetadata, LiteSVM, TransactionMetadata } from 'litesvm';
import { findProgramDataAddress } from './instructions';
import { bufferAccountSize, planUpgradeableDeploy, planUpgradeableUpgrade, programAccountSize, type DeployStep } from './plan';
import { signInstructions } from './transaction';

export interface DeployUpgradeableInput {
  readonly payer: TransactionSigner;
  readonly programKeypair: TransactionSigner;
  readonly bufferKeypair?: TransactionSigner;
  readonly upgradeAuthority: TransactionSigner;
  readonly bytes: Uint8Array;
  readonly maxDataLen?: number;
  readonly chunkBytes?: number;
}

export interface DeployedStep {
  readonly label: string;
  readonly computeUnits: bigint;
}

export interface DeployUpgradeableResult {
  readonly programId: Address;
  readonly programData: Address;
  readonly buffer: Address;
  readonly steps: readonly DeployedStep[];
}

/** A deploy transaction the runtime refused: which step, its error and its logs. */
export class DeployError extends Error {
  constructor(
    readonly step: string,
    readonly reason: string,
    readonly logs: readonly string[],
  ) {
    super(`${step} failed: ${reason}\n${logs.join('\n')}`);
    this.name = 'DeployError';
  }
}

function isFailure(result: TransactionMetadata | FailedTransactionMetadata): result is FailedTransactionMetadata {
  return 'err' in result;
}

/**
 * Deploys `bytes` through the BPF Loader Upgradeable inside a LiteSVM instance, the way a cluster deploy does
 * (buffer, writes, DeployWithMaxDataLen). The program can be invoked from the next slot on: warp the VM one slot.
 */
export async function deployUpgradeable(svm: LiteSVM, input: DeployUpgradeableInput): Promise<DeployUpgradeableResult> {
  const buffer = input.bufferKeypair ?? (await generateKeyPairSigner());
  const rent = (size: number): bigint => svm.minimumBalanceForRentExemption(BigInt(size));
  const plan = await planUpgradeableDeploy({
    payer: input.payer,
    program: input.programKeypair,
    buffer,
    upgradeAuthority: input.upgradeAuthority,
    bytes: input.bytes,
    maxDataLen: input.maxDataLen,
    chunkBytes: input.chunkBytes,
    rentExempt: { buffer: rent(bufferAccountSize(input.bytes.length)), program: rent(programAccountSize()) },
  });
  const steps: DeployedStep[] = [];
  for (const step of plan.steps) {
    const transaction = await signInstructions(step.instructions, input.payer, {
      blockhash: svm.latestBlockhash(),
      lastValidBlockHeight: 0n,
    });
    const result = svm.sendTransaction(transaction);
    if (isFailure(result)) throw new DeployError(step.label, result.err().toString(), result.meta().logs());
    steps.push({ label: step.label, computeUnits: result.computeUnitsConsumed() });
  }
  return { programId: input.programKeypair.address, programData: plan.programData, buffer: buffer.address, steps };
}

export interface UpgradeUpgradeableInput {
  readonly payer: TransactionSigner;
  readonly program: Address;
  readonly upgradeAuthority: TransactionSigner;
  readonly bytes: Uint8Array;
  readonly bufferKeypair?: TransactionSigner;
}

/**
 * Upgrades a program deployed through the loader inside a LiteSVM instance to `bytes`, the way a cluster upgrade
 * does: buffer and Writes, ExtendProgram when the bytes outgrow the ProgramData (ExtendProgramChecked where the
 * runtime refuses it), a slot later Upgrade. The VM is warped one slot before the extension and the Upgrade (the
 * loader refuses either in the slot of the last deploy), and after it (the new program runs from the next slot).
 */
export async function upgradeUpgradeable(svm: LiteSVM, input: UpgradeUpgradeableInput): Promise<DeployedStep[]> {
  const buffer = input.bufferKeypair ?? (await generateKeyPairSigner());
  const programData = svm.getAccount(await findProgramDataAddress(input.program));
  if (!programData.exists) throw new Error(`${input.program} has no ProgramData: deploy it first`);
  const plan = await planUpgradeableUpgrade({
    payer: input.payer,
    program: input.program,
    buffer,
    upgradeAuthority: input.upgradeAuthority,
    bytes: input.bytes,
    programDataLength: programData.data.length,
    rentExempt: { buffer: svm.minimumBalanceForRentExemption(BigInt(bufferAccountSize(input.bytes.length))) },
  });
  const steps: DeployedStep[] = [];
  const warp = () => svm.warpToSlot(svm.getClock().slot + 1n);
  const send = async (step: DeployStep): Promise<TransactionMetadata | FailedTransactionMetadata> => {
    const transaction = await signInstructions(step.instructions, input.payer, { blockhash: svm.latestBlockhash(), lastValidBlockHeight: 0n });
    const result = svm.sendTransaction(transaction);
    if (!isFailure(result)) steps.push({ label: step.label, computeUnits: result.computeUnitsConsumed() });
    return result;
  };
  const mustSend = async (step: DeployStep): Promise<void> => {
    const result = await send(step);
    if (isFailure(result)) throw new DeployError(step.label, result.err().toString(), result.meta().logs());
  };
  for (const step of plan.bufferSteps) await mustSend(step);
  warp();
  if (plan.extend) {
    const result = await send(plan.extend.step);
    if (isFailure(result)) {
      if (!/InvalidInstructionData/.test(result.err().toString())) throw new DeployError(plan.extend.step.label, result.err().toString(), result.meta().logs());
      await mustSend(plan.extend.checkedStep);
    }
    warp();
  }
  await mustSend(plan.upgrade);
  warp();
  return steps;
}
