import { address } from '@solana/kit';

/** BPF Loader Upgradeable (loader v3). */
export const LOADER_V3_PROGRAM_ADDRESS = address('BPFLoaderUpgradeab1e11111111111111111111111');
export const SYSVAR_RENT_ADDRESS = address('SysvarRent111111111111111111111111111111111');
export const SYSVAR_CLOCK_ADDRESS = address('SysvarC1ock11111111111111111111111111111111');

/** UpgradeableLoaderState sizes (bincode): the data of each account kind before the program bytes. */
export const BUFFER_METADATA_SIZE = 37; // u32 tag + Option<Pubkey> authority
export const PROGRAM_ACCOUNT_SIZE = 36; // u32 tag + programdata address
export const PROGRAMDATA_METADATA_SIZE = 45; // u32 tag + u64 slot + Option<Pubkey> upgrade authority

/** Instruction tags of UpgradeableLoaderInstruction (u32 little-endian, bincode enum index). */
export const LOADER_V3_INSTRUCTION = {
  initializeBuffer: 0,
  write: 1,
  deployWithMaxDataLen: 2,
  upgrade: 3,
  extendProgram: 6,
  extendProgramChecked: 9,
} as const;

/**
 * Program bytes per Write: the largest chunk whose Write transaction still fits 1,232 bytes when sent as a
 * real-cluster deploy sends it (v0 message, fee payer distinct from the buffer authority, SetComputeUnitLimit
 * and SetComputeUnitPrice first). Signatures 1 + 2 × 64; version 1, header 3, 5 keys 1 + 5 × 32, blockhash 32,
 * instruction count 1; compute budget 8 + 12; Write 1 + 1 + 2 + 2 + 16 + chunk; lookup tables 1: 370 + chunk.
 * A test encodes that transaction at this size and one byte more.
 */
export const WRITE_CHUNK_BYTES = 862;
/** The wire-size limit of one transaction (IPv6 MTU less headers). */
export const TRANSACTION_SIZE_LIMIT = 1232;
