import { AccountRole, address, generateKeyPairSigner } from '@solana/kit';
import { describe, expect, it } from 'vitest';
import { LOADER_V3_PROGRAM_ADDRESS, SYSVAR_CLOCK_ADDRESS, SYSVAR_RENT_ADDRESS } from './constants';
import {
  findProgramDataAddress,
  getDeployWithMaxDataLenInstruction,
  getExtendProgramCheckedInstruction,
  getExtendProgramInstruction,
  getInitializeBufferInstruction,
  getUpgradeInstruction,
  getWriteInstruction,
} from './instructions';

const [payer, authority] = await Promise.all([generateKeyPairSigner(), generateKeyPairSigner()]);
const buffer = address('Buffer1111111111111111111111111111111111111');
const program = address('Program111111111111111111111111111111111111');
const programData = address('ProgramData11111111111111111111111111111111');
const spill = address('Spi1111111111111111111111111111111111111111');
const upgrade = getUpgradeInstruction({ programData, program, buffer, spill, upgradeAuthority: authority });
const extend = getExtendProgramInstruction({ programData, program, payer, additionalBytes: 10_240 });
const extendChecked = getExtendProgramCheckedInstruction({ programData, program, upgradeAuthority: authority, payer, additionalBytes: 10_240 });

const roles = (accounts: ReadonlyArray<{ address: string; role: AccountRole }> | undefined) =>
  (accounts ?? []).map((a) => [a.address, a.role]);

describe('loader v3 instruction builders', () => {
  it.each([
    ['InitializeBuffer', getInitializeBufferInstruction({ buffer, authority: authority.address }), [0, 0, 0, 0]],
    [
      'Write { offset: 258, bytes: [7, 8, 9] }',
      getWriteInstruction({ buffer, authority, offset: 258, bytes: new Uint8Array([7, 8, 9]) }),
      [1, 0, 0, 0, 2, 1, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 7, 8, 9],
    ],
    [
      'DeployWithMaxDataLen { max_data_len: 70000 }',
      getDeployWithMaxDataLenInstruction({ payer, programData, program, buffer, upgradeAuthority: authority, maxDataLen: 70_000 }),
      [2, 0, 0, 0, 0x70, 0x11, 0x01, 0, 0, 0, 0, 0],
    ],
    ['Upgrade', upgrade, [3, 0, 0, 0]],
    ['ExtendProgram { additional_bytes: 10240 }', extend, [6, 0, 0, 0, 0x00, 0x28, 0, 0]],
    ['ExtendProgramChecked { additional_bytes: 10240 }', extendChecked, [9, 0, 0, 0, 0x00, 0x28, 0, 0]],
  ])('%s: bincode data', (_label, instruction, data) => {
    expect(instruction.programAddress).toBe(LOADER_V3_PROGRAM_ADDRESS);
    expect([...(instruction.data ?? [])]).toEqual(data);
  });

  it.each([
    ['InitializeBuffer', getInitializeBufferInstruction({ buffer, authority: authority.address }), [
      [buffer, AccountRole.WRITABLE],
      [authority.address, AccountRole.READONLY],
    ]],
    ['Write', getWriteInstruction({ buffer, authority, offset: 0, bytes: new Uint8Array(1) }), [
      [buffer, AccountRole.WRITABLE],
      [authority.address, AccountRole.READONLY_SIGNER],
    ]],
    ['DeployWithMaxDataLen', getDeployWithMaxDataLenInstruction({ payer, programData, program, buffer, upgradeAuthority: authority, maxDataLen: 1 }), [
      [payer.address, AccountRole.WRITABLE_SIGNER],
      [programData, AccountRole.WRITABLE],
      [program, AccountRole.WRITABLE],
      [buffer, AccountRole.WRITABLE],
      [SYSVAR_RENT_ADDRESS, AccountRole.READONLY],
      [SYSVAR_CLOCK_ADDRESS, AccountRole.READONLY],
      ['11111111111111111111111111111111', AccountRole.READONLY],
      [authority.address, AccountRole.READONLY_SIGNER],
    ]],
    ['Upgrade', upgrade, [
      [programData, AccountRole.WRITABLE],
      [program, AccountRole.WRITABLE],
      [buffer, AccountRole.WRITABLE],
      [spill, AccountRole.WRITABLE],
      [SYSVAR_RENT_ADDRESS, AccountRole.READONLY],
      [SYSVAR_CLOCK_ADDRESS, AccountRole.READONLY],
      [authority.address, AccountRole.READONLY_SIGNER],
    ]],
    ['ExtendProgram', extend, [
      [programData, AccountRole.WRITABLE],
      [program, AccountRole.WRITABLE],
      ['11111111111111111111111111111111', AccountRole.READONLY],
      [payer.address, AccountRole.WRITABLE_SIGNER],
    ]],
    ['ExtendProgramChecked', extendChecked, [
      [programData, AccountRole.WRITABLE],
      [program, AccountRole.WRITABLE],
      [authority.address, AccountRole.READONLY_SIGNER],
      ['11111111111111111111111111111111', AccountRole.READONLY],
      [payer.address, AccountRole.WRITABLE_SIGNER],
    ]],
  ])('%s: accounts in the loader’s order and roles', (_label, instruction, expected) => {
    expect(roles(instruction.accounts)).toEqual(expected);
  });

  it('derives the ProgramData address from the program address alone', async () => {
    const first = await findProgramDataAddress(program);
    expect(await findProgramDataAddress(program)).toBe(first);
    expect(await findProgramDataAddress(buffer)).not.toBe(first);
  });
});
