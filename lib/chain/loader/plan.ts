import type { Address, Instruction, TransactionSigner } from '@solana/kit';
import { getCreateAccountInstruction } from '@solana-program/system';
import {
  BUFFER_METADATA_SIZE,
  LOADER_V3_PROGRAM_ADDRESS,
  PROGRAM_ACCOUNT_SIZE,
  PROGRAMDATA_METADATA_SIZE,
  WRITE_CHUNK_BYTES,
} from './constants';
import {
  findProgramDataAddress,
  getDeployWithMaxDataLenInstruction,
  getExtendProgramCheckedInstruction,
  getExtendProgramInstruction,
  getInitializeBufferInstruction,
  getUpgradeInstruction,
  getWriteInstruction,
} from './instructions';

export const bufferAccountSize = (programBytes: number): number => BUFFER_METADATA_SIZE + programBytes;
export const programDataAccountSize = (maxDataLen: number): number => PROGRAMDATA_METADATA_SIZE + maxDataLen;
export const programAccountSize = (): number => PROGRAM_ACCOUNT_SIZE;

export interface DeployPlanInput {
  readonly payer: TransactionSigner;
  readonly program: TransactionSigner;
  readonly buffer: TransactionSigner;
  readonly upgradeAuthority: TransactionSigner;
  readonly bytes: Uint8Array;
  /** Room for future upgrades; default the program's own length (ExtendProgram can grow it later). */
  readonly maxDataLen?: number;
  readonly chunkBytes?: number;
  /** Rent-exempt minimums for the buffer and program accounts (from the RPC or the VM). */
  readonly rentExempt: { readonly buffer: bigint; readonly program: bigint };
}

/** One transaction of the deploy: its label (for reports and errors) and instructions, fee payer = payer. */
export interface DeployStep {
  readonly label: string;
  readonly instructions: readonly Instruction[];
}

export interface DeployPlan {
  readonly programData: Address;
  readonly maxDataLen: number;
  readonly steps: readonly DeployStep[];
}

/** Create + InitializeBuffer (`upgradeAuthority` its authority), then one Write per chunk. */
function bufferSteps(i: {
  payer: TransactionSigner;
  buffer: TransactionSigner;
  upgradeAuthority: TransactionSigner;
  bytes: Uint8Array;
  chunkBytes: number;
  rent: bigint;
}): DeployStep[] {
  const steps: DeployStep[] = [
    {
      label: 'InitializeBuffer',
      instructions: [
        getCreateAccountInstruction({
          payer: i.payer,
          newAccount: i.buffer,
          lamports: i.rent,
          space: bufferAccountSize(i.bytes.length),
          programAddress: LOADER_V3_PROGRAM_ADDRESS,
        }),
        getInitializeBufferInstruction({ buffer: i.buffer.address, authority: i.upgradeAuthority.address }),
      ],
    },
  ];
  for (let offset = 0; offset < i.bytes.length; offset += i.chunkBytes) {
    const chunk = i.bytes.subarray(offset, offset + i.chunkBytes);
    steps.push({
      label: `Write ${offset}..${offset + chunk.length}`,
      instructions: [getWriteInstruction({ buffer: i.buffer.address, authority: i.upgradeAuthority, offset, bytes: chunk })],
    });
  }
  return steps;
}

/**
 * The upgradeable deploy as a list of transactions, in order: create + InitializeBuffer; one Write per chunk
 * (these may be sent in any order or in parallel); create the program account + DeployWithMaxDataLen. The
 * program runs from the next slot on. Pure: the caller sends the steps (LiteSVM, or an RPC with confirmations).
 */
export async function planUpgradeableDeploy(input: DeployPlanInput): Promise<DeployPlan> {
  const { payer, program, buffer, upgradeAuthority, bytes } = input;
  const chunkBytes = input.chunkBytes ?? WRITE_CHUNK_BYTES;
  const maxDataLen = input.maxDataLen ?? bytes.length;
  if (bytes.length === 0) throw new Error('nothing to deploy: the program is empty');
  if (maxDataLen < bytes.length) throw new Error(`maxDataLen ${maxDataLen} is below the program's ${bytes.length} bytes`);
  const programData = await findProgramDataAddress(program.address);
  const steps = bufferSteps({ payer, buffer, upgradeAuthority, bytes, chunkBytes, rent: input.rentExempt.buffer });
  steps.push({
    label: 'DeployWithMaxDataLen',
    instructions: [
      getCreateAccountInstruction({
        payer,
        newAccount: program,
        lamports: input.rentExempt.program,
        space: programAccountSize(),
        programAddress: LOADER_V3_PROGRAM_ADDRESS,
      }),
      getDeployWithMaxDataLenInstruction({
        payer,
        programData,
        program: program.address,
        buffer: buffer.address,
        upgradeAuthority,
        maxDataLen,
      }),
    ],
  });
  return { programData, maxDataLen, steps };
}

/**
 * SIMD-0431 (active in LiteSVM's runtime): an ExtendProgram of fewer bytes is refused unless it extends to the
 * 10 MiB maximum. Extending by at least this much is accepted with or without the feature.
 */
export const MIN_EXTEND_BYTES = 10_240;
/** MAX_PERMITTED_DATA_LENGTH: no account, ProgramData included, grows beyond 10 MiB. */
export const MAX_ACCOUNT_DATA_BYTES = 10 * 1024 * 1024;

/**
 * The bytes ExtendProgram should add so that a ProgramData of `programDataLength` bytes (header included) holds
 * a program of `programBytes`: 0 when it already fits, otherwise what is missing, at least MIN_EXTEND_BYTES (or
 * up to the maximum).
 */
export function extendBytesFor(programDataLength: number, programBytes: number): number {
  const missing = programDataAccountSize(programBytes) - programDataLength;
  if (missing <= 0) return 0;
  const room = MAX_ACCOUNT_DATA_BYTES - programDataLength;
  if (missing > room) throw new Error(`a program of ${programBytes} bytes does not fit a ProgramData account (at most ${MAX_ACCOUNT_DATA_BYTES} bytes)`);
  return Math.min(Math.max(missing, MIN_EXTEND_BYTES), room);
}

export interface UpgradePlanInput {
  readonly payer: TransactionSigner;
  readonly program: Address;
  readonly buffer: TransactionSigner;
  readonly upgradeAuthority: TransactionSigner;
  readonly bytes: Uint8Array;
  /** The ProgramData account's current length (header included): ExtendProgram first when the bytes do not fit. */
  readonly programDataLength: number;
  readonly chunkBytes?: number;
  /** The buffer's rent-exempt minimum. */
  readonly rentExempt: { readonly buffer: bigint };
}

export interface UpgradePlan {
  readonly programData: Address;
  /** Buffer creation, then the Writes (in any order or in parallel). */
  readonly bufferSteps: readonly DeployStep[];
  /**
   * Absent when the bytes fit the ProgramData. Otherwise one of these steps first: ExtendProgram, or where the
   * runtime has SIMD-0164 (it then refuses ExtendProgram: InvalidInstructionData) ExtendProgramChecked. The
   * Upgrade must then be sent from a later slot.
   */
  readonly extend: { readonly additionalBytes: number; readonly step: DeployStep; readonly checkedStep: DeployStep } | undefined;
  readonly upgrade: DeployStep;
}

/**
 * An upgrade of an upgradeable program as transactions: create + InitializeBuffer (the upgrade authority its
 * authority) and the Writes; ExtendProgram when the new bytes outgrow the ProgramData; Upgrade (the buffer's
 * lamports to the payer). The loader refuses ExtendProgram and Upgrade in the slot of the last deploy, upgrade or
 * extension, and the upgraded program runs from the next slot on.
 */
export async function planUpgradeableUpgrade(input: UpgradePlanInput): Promise<UpgradePlan> {
  const { payer, program, buffer, upgradeAuthority, bytes } = input;
  const chunkBytes = input.chunkBytes ?? WRITE_CHUNK_BYTES;
  if (bytes.length === 0) throw new Error('nothing to upgrade to: the program is empty');
  const programData = await findProgramDataAddress(program);
  const additionalBytes = extendBytesFor(input.programDataLength, bytes.length);
  return {
    programData,
    bufferSteps: bufferSteps({ payer, buffer, upgradeAuthority, bytes, chunkBytes, rent: input.rentExempt.buffer }),
    extend:
      additionalBytes > 0
        ? {
            additionalBytes,
            step: { label: `ExtendProgram +${additionalBytes}`, instructions: [getExtendProgramInstruction({ programData, program, payer, additionalBytes })] },
            checkedStep: {
              label: `ExtendProgramChecked +${additionalBytes}`,
              instructions: [getExtendProgramCheckedInstruction({ programData, program, upgradeAuthority, payer, additionalBytes })],
            },
          }
        : undefined,
    upgrade: {
      label: 'Upgrade',
      instructions: [getUpgradeInstruction({ programData, program, buffer: buffer.address, spill: payer.address, upgradeAuthority })],
    },
  };
}
