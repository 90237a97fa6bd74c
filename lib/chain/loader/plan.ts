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
  getInitializeBufferInstruction,
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
  const steps: DeployStep[] = [
    {
      label: 'InitializeBuffer',
      instructions: [
        getCreateAccountInstruction({
          payer,
          newAccount: buffer,
          lamports: input.rentExempt.buffer,
          space: bufferAccountSize(bytes.length),
          programAddress: LOADER_V3_PROGRAM_ADDRESS,
        }),
        getInitializeBufferInstruction({ buffer: buffer.address, authority: upgradeAuthority.address }),
      ],
    },
  ];
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    const chunk = bytes.subarray(offset, offset + chunkBytes);
    steps.push({
      label: `Write ${offset}..${offset + chunk.length}`,
      instructions: [getWriteInstruction({ buffer: buffer.address, authority: upgradeAuthority, offset, bytes: chunk })],
    });
  }
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
