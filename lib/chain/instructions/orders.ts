/** Limit orders (tags 25, 26) and the keeper's fill (32). */
import type { AccountMeta, Address, Instruction } from '@solana/kit';
import type { MarketId, Side, TokenId } from '@/lib/math/ids';
import { MARKETS, lockToken } from '@/lib/math/params';
import { custodyOf, vaultOf, type ChainAddresses } from '../addresses';
import { sideByte } from '../accounts/position';
import { Writer } from '../bytes';
import { SYSTEM_PROGRAM, TOKEN_PROGRAM } from '../program-ids';
import { TAG } from '../tags';
import { custodyMetas, marketFeeds, oracleMetas, payer, poolFeeds, ro, rw, signer } from './meta';
import { opensWithSwap } from './trade';

export interface PlaceLimitOrderInput {
  addresses: ChainAddresses;
  owner: Address;
  market: MarketId;
  side: Side;
  postedToken: TokenId;
  /** 0..15: a free slot (orderAddress(programId, owner, slot)). */
  slot: number;
  order: Address;
  amount: bigint;
  leverageBps: bigint;
  triggerPrice: bigint;
  acceptablePrice?: bigint | null;
  takeProfit?: bigint | null;
  stopLoss?: bigint | null;
  funding: Address;
}

export function placeLimitOrderInstruction(i: PlaceLimitOrderInput): Instruction {
  const a = i.addresses;
  const pool = MARKETS[i.market].pool;
  return {
    programAddress: a.programId,
    accounts: [
      payer(i.owner),
      ro(a.config),
      ro(a.markets[i.market]),
      rw(i.order),
      ro(custodyOf(a, pool, i.postedToken)),
      rw(i.funding),
      rw(a.escrows[i.postedToken]),
      ro(TOKEN_PROGRAM),
      ro(SYSTEM_PROGRAM),
      ro(custodyOf(a, pool, lockToken(i.market, i.side))),
      ...oracleMetas(a, marketFeeds(i.market, i.postedToken)),
    ],
    data: new Writer()
      .u8(TAG.placeLimitOrder)
      .u8(sideByte(i.side))
      .u8(i.slot)
      .u64(i.amount)
      .u64(i.leverageBps)
      .u64(i.triggerPrice)
      .u64(i.acceptablePrice ?? 0n)
      .u64(i.takeProfit ?? 0n)
      .u64(i.stopLoss ?? 0n)
      .toBytes(),
  };
}

export interface CancelOrderInput {
  addresses: ChainAddresses;
  owner: Address;
  order: Address;
  postedToken: TokenId;
  receiver: Address;
}

export function cancelOrderInstruction(i: CancelOrderInput): Instruction {
  const a = i.addresses;
  return {
    programAddress: a.programId,
    accounts: [payer(i.owner), ro(a.config), rw(i.order), rw(a.escrows[i.postedToken]), rw(i.receiver), ro(a.authority), ro(TOKEN_PROGRAM)],
    data: Uint8Array.of(TAG.cancelOrder),
  };
}

export interface FillLimitOrderInput {
  addresses: ChainAddresses;
  keeper: Address;
  owner: Address;
  order: Address;
  market: MarketId;
  side: Side;
  postedToken: TokenId;
  /** positionAddress(programId, owner, market, side). */
  position: Address;
}

export function fillLimitOrderInstruction(i: FillLimitOrderInput): Instruction {
  const a = i.addresses;
  const pool = MARKETS[i.market].pool;
  const lock = lockToken(i.market, i.side);
  const swap = opensWithSwap(i.market, i.side, i.postedToken);
  const accounts: AccountMeta[] = [
    signer(i.keeper),
    ro(a.config),
    rw(a.markets[i.market]),
    rw(i.order),
    rw(i.position),
    rw(i.owner),
    rw(custodyOf(a, pool, lock)),
    rw(a.escrows[i.postedToken]),
    rw(vaultOf(a, pool, i.postedToken)),
    ro(a.authority),
    ro(TOKEN_PROGRAM),
    ro(SYSTEM_PROGRAM),
  ];
  if (swap) accounts.push(ro(a.pools[pool]), ...custodyMetas(a, pool, [i.postedToken, lock]));
  accounts.push(...oracleMetas(a, swap ? poolFeeds(pool) : marketFeeds(i.market)));
  return { programAddress: a.programId, accounts, data: Uint8Array.of(TAG.fillLimitOrder) };
}
