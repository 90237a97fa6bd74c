/** Initialisation (tags 0–6, admin only) and price updates (7, the oracle authority). */
import type { AccountMeta, Address, Instruction } from '@solana/kit';
import type { CustodyParamsAccount } from '../accounts/custody';
import { Writer } from '../bytes';
import { SYSTEM_PROGRAM, TOKEN_PROGRAM } from '../program-ids';
import { TAG } from '../tags';
import { payer, ro, rw, signer } from './meta';

/** Only the program's upgrade authority may initialise: `programData` is the loader's ProgramData of the program. */
export function initConfigInstruction(i: { programId: Address; admin: Address; config: Address; programData: Address; oracleAuthority: Address; oracleKind: number; maxPriceAgeS: bigint }): Instruction {
  return {
    programAddress: i.programId,
    accounts: [payer(i.admin), rw(i.config), ro(SYSTEM_PROGRAM), ro(i.programData)],
    data: new Writer().u8(TAG.initConfig).address(i.oracleAuthority).u8(i.oracleKind).u64(i.maxPriceAgeS).toBytes(),
  };
}

export function initPoolInstruction(i: { programId: Address; admin: Address; config: Address; pool: Address; lpMint: Address; index: number }): Instruction {
  return {
    programAddress: i.programId,
    accounts: [payer(i.admin), ro(i.config), rw(i.pool), rw(i.lpMint), ro(SYSTEM_PROGRAM), ro(TOKEN_PROGRAM)],
    data: new Writer().u8(TAG.initPool).u8(i.index).toBytes(),
  };
}

export function initEscrowInstruction(i: { programId: Address; admin: Address; config: Address; escrow: Address; mint: Address }): Instruction {
  return {
    programAddress: i.programId,
    accounts: [payer(i.admin), ro(i.config), rw(i.escrow), ro(i.mint), ro(SYSTEM_PROGRAM), ro(TOKEN_PROGRAM)],
    data: Uint8Array.of(TAG.initEscrow),
  };
}

export interface InitCustodyInput {
  programId: Address;
  admin: Address;
  config: Address;
  pool: Address;
  custody: Address;
  mint: Address;
  vault: Address;
  escrow: Address;
  params: CustodyParamsAccount;
  /** The price account; SYSTEM_PROGRAM (all zeros) for the $1 stable. */
  oracle: Address;
  feedId: Uint8Array;
}

export function initCustodyInstruction(i: InitCustodyInput): Instruction {
  const p = i.params;
  const w = new Writer().u8(TAG.initCustody);
  for (const v of [p.bandBps, p.targetBps, p.minBps, p.maxBps, p.addFeeBps, p.removeFeeBps, p.swapFeeBps, p.uOptBps, p.rateAtOptHourly, p.rateMaxHourly]) w.u64(v);
  return {
    programAddress: i.programId,
    accounts: [payer(i.admin), ro(i.config), rw(i.pool), rw(i.custody), ro(i.mint), rw(i.vault), ro(i.escrow), ro(SYSTEM_PROGRAM), ro(TOKEN_PROGRAM)],
    data: w.address(i.oracle).raw(i.feedId).toBytes(),
  };
}

export interface InitMarketInput {
  programId: Address;
  admin: Address;
  config: Address;
  pool: Address;
  market: Address;
  longCustody: Address;
  shortCustody: Address;
  index: number;
  /** 0 always open, 1 RWA hours. */
  hours: number;
  longLocksMarketToken: boolean;
  maxInitialLeverageBps: bigint;
  liquidationLeverageBps: bigint;
  closeFeeBps: bigint;
  liquidationFeeBps: bigint;
  openFeeBps: bigint;
  maxPositionUsd: bigint;
  openInterestCapUsd: bigint;
  oracle: Address;
  feedId: Uint8Array;
}

export function initMarketInstruction(i: InitMarketInput): Instruction {
  const w = new Writer().u8(TAG.initMarket).u8(i.index).u8(i.hours).u8(i.longLocksMarketToken ? 1 : 0);
  for (const v of [i.maxInitialLeverageBps, i.liquidationLeverageBps, i.closeFeeBps, i.liquidationFeeBps, i.openFeeBps, i.maxPositionUsd, i.openInterestCapUsd]) w.u64(v);
  return {
    programAddress: i.programId,
    accounts: [payer(i.admin), ro(i.config), rw(i.pool), rw(i.market), ro(i.longCustody), ro(i.shortCustody), ro(SYSTEM_PROGRAM)],
    data: w.address(i.oracle).raw(i.feedId).toBytes(),
  };
}

export function initPriceInstruction(i: { programId: Address; admin: Address; config: Address; price: Address; feedId: Uint8Array }): Instruction {
  return {
    programAddress: i.programId,
    accounts: [payer(i.admin), ro(i.config), rw(i.price), ro(SYSTEM_PROGRAM)],
    data: new Writer().u8(TAG.initPrice).raw(i.feedId).toBytes(),
  };
}

export interface SeedLiquidityInput {
  programId: Address;
  admin: Address;
  config: Address;
  pool: Address;
  lpMint: Address;
  lpDestination: Address;
  authority: Address;
  lpSupply: bigint;
  /** In pool order. */
  custodies: { custody: Address; vault: Address; funding: Address; amount: bigint }[];
}

export function seedLiquidityInstruction(i: SeedLiquidityInput): Instruction {
  const accounts: AccountMeta[] = [signer(i.admin), ro(i.config), ro(i.pool), rw(i.lpMint), rw(i.lpDestination), ro(i.authority), ro(TOKEN_PROGRAM)];
  const w = new Writer().u8(TAG.seedLiquidity).u64(i.lpSupply);
  for (const c of i.custodies) {
    accounts.push(rw(c.custody), rw(c.vault), rw(c.funding));
    w.u64(c.amount);
  }
  return { programAddress: i.programId, accounts, data: w.toBytes() };
}

/** The oracle authority writes several feeds in one instruction (all changed feeds of a tick). */
export function updatePricesInstruction(i: { programId: Address; authority: Address; config: Address; updates: { account: Address; price: bigint; publishTime: bigint }[] }): Instruction {
  const w = new Writer().u8(TAG.updatePrices).u8(i.updates.length);
  for (const u of i.updates) w.u64(u.price).i64(u.publishTime);
  return {
    programAddress: i.programId,
    accounts: [signer(i.authority), ro(i.config), ...i.updates.map((u) => rw(u.account))],
    data: w.toBytes(),
  };
}
