import { AccountRole, getProgramDerivedAddress, getAddressEncoder } from '@solana/kit';
import type { AccountMeta, AccountSignerMeta, Address, Instruction, TransactionSigner } from '@solana/kit';
import { SYSTEM_PROGRAM_ADDRESS } from '@solana-program/system';
import {
  LOADER_V3_INSTRUCTION,
  LOADER_V3_PROGRAM_ADDRESS,
  SYSVAR_CLOCK_ADDRESS,
  SYSVAR_RENT_ADDRESS,
} from './constants';

/*
 * Builders for the BPF Loader Upgradeable's deploy instructions, as @solana/kit instructions. Pure: no RPC, no VM;
 * the same objects go to LiteSVM in tests and to a cluster from a deploy script. Layouts follow
 * UpgradeableLoaderInstruction (bincode: u32 tag, then fields; Vec<u8> as u64 length + bytes).
 */

/** A signer's account meta: kit's signTransactionMessageWithSigners finds the signer through it. */
function signerMeta(signer: TransactionSigner, role: AccountRole.READONLY_SIGNER | AccountRole.WRITABLE_SIGNER): AccountMeta {
  const meta: AccountSignerMeta = { address: signer.address, role, signer };
  return meta;
}

function tag(value: number, extra: number): { data: Uint8Array; view: DataView } {
  const data = new Uint8Array(4 + extra);
  const view = new DataView(data.buffer);
  view.setUint32(0, value, true);
  return { data, view };
}

/** The ProgramData account of `program`: the PDA of [program] under the loader. */
export async function findProgramDataAddress(program: Address): Promise<Address> {
  const [programData] = await getProgramDerivedAddress({
    programAddress: LOADER_V3_PROGRAM_ADDRESS,
    seeds: [getAddressEncoder().encode(program)],
  });
  return programData;
}

/**
 * InitializeBuffer: accounts [buffer (writable), authority (readonly)]. Must share a transaction with the
 * CreateAccount of the buffer, or someone else may initialize it first.
 */
export function getInitializeBufferInstruction(input: { buffer: Address; authority: Address }): Instruction {
  return {
    programAddress: LOADER_V3_PROGRAM_ADDRESS,
    accounts: [
      { address: input.buffer, role: AccountRole.WRITABLE },
      { address: input.authority, role: AccountRole.READONLY },
    ],
    data: tag(LOADER_V3_INSTRUCTION.initializeBuffer, 0).data,
  };
}

/** Write { offset: u32, bytes: Vec<u8> }: accounts [buffer (writable), authority (signer)]. */
export function getWriteInstruction(input: {
  buffer: Address;
  authority: TransactionSigner;
  offset: number;
  bytes: Uint8Array;
}): Instruction {
  const { data, view } = tag(LOADER_V3_INSTRUCTION.write, 4 + 8 + input.bytes.length);
  view.setUint32(4, input.offset, true);
  view.setBigUint64(8, BigInt(input.bytes.length), true);
  data.set(input.bytes, 16);
  return {
    programAddress: LOADER_V3_PROGRAM_ADDRESS,
    accounts: [
      { address: input.buffer, role: AccountRole.WRITABLE },
      signerMeta(input.authority, AccountRole.READONLY_SIGNER),
    ],
    data,
  };
}

/**
 * DeployWithMaxDataLen { max_data_len: u64 }: accounts [payer (writable signer), programData (writable),
 * program (writable), buffer (writable), rent sysvar, clock sysvar, system program, upgrade authority (signer)].
 * The program account must be created (36 bytes, owned by the loader) in the same transaction. The optional
 * trailing close_buffer byte of newer runtimes is left out: absent, it means true, as older runtimes do.
 */
export function getDeployWithMaxDataLenInstruction(input: {
  payer: TransactionSigner;
  programData: Address;
  program: Address;
  buffer: Address;
  upgradeAuthority: TransactionSigner;
  maxDataLen: number | bigint;
}): Instruction {
  const { data, view } = tag(LOADER_V3_INSTRUCTION.deployWithMaxDataLen, 8);
  view.setBigUint64(4, BigInt(input.maxDataLen), true);
  return {
    programAddress: LOADER_V3_PROGRAM_ADDRESS,
    accounts: [
      signerMeta(input.payer, AccountRole.WRITABLE_SIGNER),
      { address: input.programData, role: AccountRole.WRITABLE },
      { address: input.program, role: AccountRole.WRITABLE },
      { address: input.buffer, role: AccountRole.WRITABLE },
      { address: SYSVAR_RENT_ADDRESS, role: AccountRole.READONLY },
      { address: SYSVAR_CLOCK_ADDRESS, role: AccountRole.READONLY },
      { address: SYSTEM_PROGRAM_ADDRESS, role: AccountRole.READONLY },
      signerMeta(input.upgradeAuthority, AccountRole.READONLY_SIGNER),
    ],
    data,
  };
}

/**
 * Upgrade: accounts [programData (writable), program (writable), buffer (writable), spill (writable: receives the
 * buffer's lamports), rent sysvar, clock sysvar, upgrade authority (signer)]. The buffer's authority must be the
 * upgrade authority, and the buffer must fit the ProgramData (ExtendProgram first when it does not). The loader
 * refuses it in the slot the program was deployed, upgraded or extended in. As with DeployWithMaxDataLen, the
 * optional trailing close_buffer byte is left out (absent means true).
 */
export function getUpgradeInstruction(input: {
  programData: Address;
  program: Address;
  buffer: Address;
  spill: Address;
  upgradeAuthority: TransactionSigner;
}): Instruction {
  return {
    programAddress: LOADER_V3_PROGRAM_ADDRESS,
    accounts: [
      { address: input.programData, role: AccountRole.WRITABLE },
      { address: input.program, role: AccountRole.WRITABLE },
      { address: input.buffer, role: AccountRole.WRITABLE },
      { address: input.spill, role: AccountRole.WRITABLE },
      { address: SYSVAR_RENT_ADDRESS, role: AccountRole.READONLY },
      { address: SYSVAR_CLOCK_ADDRESS, role: AccountRole.READONLY },
      signerMeta(input.upgradeAuthority, AccountRole.READONLY_SIGNER),
    ],
    data: tag(LOADER_V3_INSTRUCTION.upgrade, 0).data,
  };
}

/**
 * ExtendProgram { additional_bytes: u32 }: accounts [programData (writable), program (writable), system program,
 * payer (writable signer: funds the larger ProgramData's rent)]. Needs no signature of the upgrade authority;
 * runtimes with SIMD-0164 active refuse it for ExtendProgramChecked. Not in the slot of the last deploy/upgrade.
 */
export function getExtendProgramInstruction(input: {
  programData: Address;
  program: Address;
  payer: TransactionSigner;
  additionalBytes: number;
}): Instruction {
  const { data, view } = tag(LOADER_V3_INSTRUCTION.extendProgram, 4);
  view.setUint32(4, input.additionalBytes, true);
  return {
    programAddress: LOADER_V3_PROGRAM_ADDRESS,
    accounts: [
      { address: input.programData, role: AccountRole.WRITABLE },
      { address: input.program, role: AccountRole.WRITABLE },
      { address: SYSTEM_PROGRAM_ADDRESS, role: AccountRole.READONLY },
      signerMeta(input.payer, AccountRole.WRITABLE_SIGNER),
    ],
    data,
  };
}

/**
 * ExtendProgramChecked { additional_bytes: u32 } (SIMD-0164): ExtendProgram signed by the upgrade authority.
 * Accounts [programData (writable), program (writable), upgrade authority (signer), system program, payer
 * (writable signer)]. Refused by runtimes where SIMD-0164 is not active yet.
 */
export function getExtendProgramCheckedInstruction(input: {
  programData: Address;
  program: Address;
  upgradeAuthority: TransactionSigner;
  payer: TransactionSigner;
  additionalBytes: number;
}): Instruction {
  const { data, view } = tag(LOADER_V3_INSTRUCTION.extendProgramChecked, 4);
  view.setUint32(4, input.additionalBytes, true);
  return {
    programAddress: LOADER_V3_PROGRAM_ADDRESS,
    accounts: [
      { address: input.programData, role: AccountRole.WRITABLE },
      { address: input.program, role: AccountRole.WRITABLE },
      signerMeta(input.upgradeAuthority, AccountRole.READONLY_SIGNER),
      { address: SYSTEM_PROGRAM_ADDRESS, role: AccountRole.READONLY },
      signerMeta(input.payer, AccountRole.WRITABLE_SIGNER),
    ],
    data,
  };
}
