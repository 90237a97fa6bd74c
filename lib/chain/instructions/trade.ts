/** Opening, closing, collateral and TP/SL (tags 20–24). Optional prices are 0 on chain ("none"). */
import type { AccountMeta, Address, Instruction } from '@solana/kit';
import type { MarketId, Side, TokenId } from '@/lib/math/ids';
import { MARKETS, lockToken } from '@/lib/math/params';
import { custodyOf, vaultOf, type ChainAddresses } from '../addresses';
import { sideByte } from '../accounts/position';
import { Writer } from '../bytes';
import { SYSTEM_PROGRAM, TOKEN_PROGRAM } from '../program-ids';
import { TAG } from '../tags';
import { custodyMetas, marketFeeds, oracleMetas, payer, poolFeeds, ro, rw, signer } from './meta';

/** True when the open swaps the posted token first: an ALP long posted in USDC (§3). */
export function opensWithSwap(market: MarketId, side: Side, postedToken: TokenId): boolean {
  return MARKETS[market].pool === 'ALP' && side === 'long' && postedToken !== lockToken(market, side);
}

export interface OpenPositionInput {
  addresses: ChainAddresses;
  owner: Address;
  market: MarketId;
  side: Side;
  postedToken: TokenId;
  amount: bigint;
  leverageBps: bigint;
  acceptablePrice?: bigint | null;
  takeProfit?: bigint | null;
  stopLoss?: bigint | null;
  /** The owner's token account of the posted token. */
  funding: Address;
  /** positionAddress(programId, owner, market, side). */
  position: Address;
}

export function openPositionInstruction(i: OpenPositionInput): Instruction {
  const a = i.addresses;
  const pool = MARKETS[i.market].pool;
  const lock = lockToken(i.market, i.side);
  const swap = opensWithSwap(i.market, i.side, i.postedToken);
  const accounts: AccountMeta[] = [
    payer(i.owner),
    ro(a.config),
    rw(a.markets[i.market]),
    rw(i.position),
    rw(custodyOf(a, pool, lock)),
    rw(i.funding),
    rw(vaultOf(a, pool, i.postedToken)),
    ro(TOKEN_PROGRAM),
    ro(SYSTEM_PROGRAM),
  ];
  if (swap) accounts.push(ro(a.pools[pool]), ...custodyMetas(a, pool, [i.postedToken, lock]));
  accounts.push(...oracleMetas(a, swap ? poolFeeds(pool) : marketFeeds(i.market)));
  return {
    programAddress: a.programId,
    accounts,
    data: new Writer()
      .u8(TAG.openPosition)
      .u8(sideByte(i.side))
      .u8(swap ? 1 : 0)
      .u64(i.amount)
      .u64(i.leverageBps)
      .u64(i.acceptablePrice ?? 0n)
      .u64(i.takeProfit ?? 0n)
      .u64(i.stopLoss ?? 0n)
      .toBytes(),
  };
}

export interface PositionRef {
  addresses: ChainAddresses;
  owner: Address;
  market: MarketId;
  side: Side;
  position: Address;
}

/** The custody a position locks and holds its collateral in, and its vault. */
function positionCustody(r: PositionRef): { custody: Address; vault: Address; token: TokenId } {
  const pool = MARKETS[r.market].pool;
  const token = lockToken(r.market, r.side);
  return { custody: custodyOf(r.addresses, pool, token), vault: vaultOf(r.addresses, pool, token), token };
}

export interface ClosePositionInput extends PositionRef {
  fractionBps: bigint;
  acceptablePrice?: bigint | null;
  /** The owner's token account of the collateral token. */
  receiver: Address;
}

export function closePositionInstruction(i: ClosePositionInput): Instruction {
  const a = i.addresses;
  const c = positionCustody(i);
  return {
    programAddress: a.programId,
    accounts: [payer(i.owner), ro(a.config), rw(a.markets[i.market]), rw(i.position), rw(c.custody), rw(c.vault), rw(i.receiver), ro(a.authority), ro(TOKEN_PROGRAM), ...oracleMetas(a, marketFeeds(i.market))],
    data: new Writer().u8(TAG.closePosition).u64(i.fractionBps).u64(i.acceptablePrice ?? 0n).toBytes(),
  };
}

export interface AddCollateralInput extends PositionRef {
  amount: bigint;
  funding: Address;
}

export function addCollateralInstruction(i: AddCollateralInput): Instruction {
  const a = i.addresses;
  const c = positionCustody(i);
  return {
    programAddress: a.programId,
    accounts: [signer(i.owner), ro(a.config), rw(i.position), rw(c.custody), rw(i.funding), rw(c.vault), ro(TOKEN_PROGRAM), ...oracleMetas(a, marketFeeds(i.market, c.token))],
    data: new Writer().u8(TAG.addCollateral).u64(i.amount).toBytes(),
  };
}

export interface RemoveCollateralInput extends PositionRef {
  amountUsd: bigint;
  receiver: Address;
}

export function removeCollateralInstruction(i: RemoveCollateralInput): Instruction {
  const a = i.addresses;
  const c = positionCustody(i);
  return {
    programAddress: a.programId,
    accounts: [signer(i.owner), ro(a.config), ro(a.markets[i.market]), rw(i.position), rw(c.custody), rw(c.vault), rw(i.receiver), ro(a.authority), ro(TOKEN_PROGRAM), ...oracleMetas(a, marketFeeds(i.market, c.token))],
    data: new Writer().u8(TAG.removeCollateral).u64(i.amountUsd).toBytes(),
  };
}

export interface SetTpSlInput extends PositionRef {
  takeProfit: bigint | null;
  stopLoss: bigint | null;
}

export function setTpSlInstruction(i: SetTpSlInput): Instruction {
  const a = i.addresses;
  const c = positionCustody(i);
  return {
    programAddress: a.programId,
    accounts: [signer(i.owner), ro(a.config), ro(a.markets[i.market]), rw(i.position), ro(c.custody), ...oracleMetas(a, marketFeeds(i.market))],
    data: new Writer().u8(TAG.setTpSl).u64(i.takeProfit ?? 0n).u64(i.stopLoss ?? 0n).toBytes(),
  };
}
