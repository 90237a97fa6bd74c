/** `Custody` (PDA `["custody", pool, mint]`), program/src/state/custody.rs. */
import type { Address } from '@solana/kit';
import { Reader, Writer } from '../bytes';
import { ACCOUNT_LEN, discriminatorBytes } from '../tags';
import { expectKind } from './kind';

export interface CustodyParamsAccount {
  bandBps: bigint;
  targetBps: bigint;
  minBps: bigint;
  maxBps: bigint;
  addFeeBps: bigint;
  removeFeeBps: bigint;
  swapFeeBps: bigint;
  uOptBps: bigint;
  rateAtOptHourly: bigint;
  rateMaxHourly: bigint;
}

export interface CustodyAccount {
  pool: Address;
  mint: Address;
  vault: Address;
  escrow: Address;
  /** The price account; the all-zeros address (System Program) for the $1 stable. */
  oracle: Address;
  feedId: Uint8Array;
  decimals: number;
  bump: number;
  vaultBump: number;
  index: number;
  params: CustodyParamsAccount;
  owned: bigint;
  locked: bigint;
  collateral: bigint;
  cumulativeInterest: bigint;
  rateHourly: bigint;
  lastAccrualS: bigint;
}

const PARAM_KEYS = ['bandBps', 'targetBps', 'minBps', 'maxBps', 'addFeeBps', 'removeFeeBps', 'swapFeeBps', 'uOptBps', 'rateAtOptHourly', 'rateMaxHourly'] as const;

export function decodeCustody(data: Uint8Array): CustodyAccount {
  const r = new Reader(expectKind(data, 'custody'));
  const params = Object.fromEntries(PARAM_KEYS.map((k, i) => [k, r.u64(208 + 8 * i)])) as unknown as CustodyParamsAccount;
  return {
    pool: r.address(8),
    mint: r.address(40),
    vault: r.address(72),
    escrow: r.address(104),
    oracle: r.address(136),
    feedId: r.bytes(168, 32),
    decimals: r.u8(200),
    bump: r.u8(201),
    vaultBump: r.u8(202),
    index: r.u8(203),
    params,
    owned: r.u64(288),
    locked: r.u64(296),
    collateral: r.u64(304),
    cumulativeInterest: r.u64(312),
    rateHourly: r.u64(320),
    lastAccrualS: r.i64(328),
  };
}

/** The account bytes of a custody (tests that set state directly, and the layout round trip). */
export function encodeCustody(c: CustodyAccount): Uint8Array {
  const w = new Writer()
    .raw(discriminatorBytes('custody'))
    .address(c.pool)
    .address(c.mint)
    .address(c.vault)
    .address(c.escrow)
    .address(c.oracle)
    .raw(c.feedId)
    .u8(c.decimals)
    .u8(c.bump)
    .u8(c.vaultBump)
    .u8(c.index)
    .pad(208);
  for (const k of PARAM_KEYS) w.u64(c.params[k]);
  return w.u64(c.owned).u64(c.locked).u64(c.collateral).u64(c.cumulativeInterest).u64(c.rateHourly).i64(c.lastAccrualS).pad(ACCOUNT_LEN.custody).toBytes();
}
