/** `Config` (PDA `["config"]`), program/src/state/config.rs. */
import type { Address } from '@solana/kit';
import { Reader, Writer } from '../bytes';
import { ACCOUNT_LEN, discriminatorBytes } from '../tags';
import { expectKind } from './kind';

export const ORACLE_LOCAL = 0;
export const ORACLE_PYTH = 1;

export interface ConfigAccount {
  admin: Address;
  oracleAuthority: Address;
  /** ORACLE_LOCAL or ORACLE_PYTH. */
  oracleKind: number;
  bump: number;
  authorityBump: number;
  maxPriceAgeS: bigint;
}

export function decodeConfig(data: Uint8Array): ConfigAccount {
  const r = new Reader(expectKind(data, 'config'));
  return {
    admin: r.address(8),
    oracleAuthority: r.address(40),
    oracleKind: r.u8(72),
    bump: r.u8(73),
    authorityBump: r.u8(74),
    maxPriceAgeS: r.u64(80),
  };
}

export function encodeConfig(c: ConfigAccount): Uint8Array {
  return new Writer()
    .raw(discriminatorBytes('config'))
    .address(c.admin)
    .address(c.oracleAuthority)
    .u8(c.oracleKind)
    .u8(c.bump)
    .u8(c.authorityBump)
    .pad(80)
    .u64(c.maxPriceAgeS)
    .pad(ACCOUNT_LEN.config)
    .toBytes();
}
