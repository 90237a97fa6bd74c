import { generateKeyPairSigner } from '@solana/kit';
import type { Address, TransactionSigner } from '@solana/kit';
import type { FailedTransactionMetadata, LiteSVM, TransactionMetadata } from 'litesvm';
import { bufferAccountSize, planUpgradeableDeploy, programAccountSize } from './plan';
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
