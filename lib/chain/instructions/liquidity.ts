/** Liquidity, swap and the read-only pool query (tags 10, 11, 12, 40). */
import type { Address, Instruction } from '@solana/kit';
import type { PoolId, TokenId } from '@/lib/math/ids';
import { POOLS } from '@/lib/math/params';
import type { ChainAddresses } from '../addresses';
import { vaultOf } from '../addresses';
import { Writer } from '../bytes';
import { TOKEN_PROGRAM } from '../program-ids';
import { TAG } from '../tags';
import { custodyMetas, marketMetas, oracleMetas, poolFeeds, ro, rw, signer } from './meta';

function custodyIndex(pool: PoolId, token: TokenId): number {
  const i = POOLS[pool].custodies.indexOf(token);
  if (i < 0) throw new Error(`${pool} has no ${token} custody`);
  return i;
}

export interface AddLiquidityInput {
  addresses: ChainAddresses;
  owner: Address;
  pool: PoolId;
  token: TokenId;
  amount: bigint;
  minLpOut: bigint;
  /** The owner's token account of `token` and of the LP mint. */
  funding: Address;
  lpAccount: Address;
}

export function addLiquidityInstruction(i: AddLiquidityInput): Instruction {
  const a = i.addresses;
  return {
    programAddress: a.programId,
    accounts: [
      signer(i.owner),
      ro(a.config),
      ro(a.pools[i.pool]),
      rw(a.lpMints[i.pool]),
      rw(i.funding),
      rw(i.lpAccount),
      rw(vaultOf(a, i.pool, i.token)),
      ro(a.authority),
      ro(TOKEN_PROGRAM),
      ...custodyMetas(a, i.pool, [i.token]),
      ...marketMetas(a, i.pool),
      ...oracleMetas(a, poolFeeds(i.pool)),
    ],
    data: new Writer().u8(TAG.addLiquidity).u8(custodyIndex(i.pool, i.token)).u64(i.amount).u64(i.minLpOut).toBytes(),
  };
}

export interface RemoveLiquidityInput {
  addresses: ChainAddresses;
  owner: Address;
  pool: PoolId;
  token: TokenId;
  lpAmount: bigint;
  minAmountOut: bigint;
  lpAccount: Address;
  receiver: Address;
}

export function removeLiquidityInstruction(i: RemoveLiquidityInput): Instruction {
  const a = i.addresses;
  return {
    programAddress: a.programId,
    accounts: [
      signer(i.owner),
      ro(a.config),
      ro(a.pools[i.pool]),
      rw(a.lpMints[i.pool]),
      rw(i.lpAccount),
      rw(i.receiver),
      rw(vaultOf(a, i.pool, i.token)),
      ro(a.authority),
      ro(TOKEN_PROGRAM),
      ...custodyMetas(a, i.pool, [i.token]),
      ...marketMetas(a, i.pool),
      ...oracleMetas(a, poolFeeds(i.pool)),
    ],
    data: new Writer().u8(TAG.removeLiquidity).u8(custodyIndex(i.pool, i.token)).u64(i.lpAmount).u64(i.minAmountOut).toBytes(),
  };
}

export interface SwapInput {
  addresses: ChainAddresses;
  owner: Address;
  pool: PoolId;
  tokenIn: TokenId;
  tokenOut: TokenId;
  amountIn: bigint;
  minAmountOut: bigint;
  funding: Address;
  receiver: Address;
}

export function swapInstruction(i: SwapInput): Instruction {
  const a = i.addresses;
  return {
    programAddress: a.programId,
    accounts: [
      signer(i.owner),
      ro(a.config),
      ro(a.pools[i.pool]),
      rw(i.funding),
      rw(i.receiver),
      rw(vaultOf(a, i.pool, i.tokenIn)),
      rw(vaultOf(a, i.pool, i.tokenOut)),
      ro(a.authority),
      ro(TOKEN_PROGRAM),
      ...custodyMetas(a, i.pool, [i.tokenIn, i.tokenOut]),
      ...oracleMetas(a, poolFeeds(i.pool)),
    ],
    data: new Writer().u8(TAG.swap).u8(custodyIndex(i.pool, i.tokenIn)).u8(custodyIndex(i.pool, i.tokenOut)).u64(i.amountIn).u64(i.minAmountOut).toBytes(),
  };
}

/** Read-only: AUM, LP supply and LP price as return data `[u64, u64, u64]` (simulate it). */
export function queryPoolInstruction(a: ChainAddresses, pool: PoolId): Instruction {
  return {
    programAddress: a.programId,
    accounts: [ro(a.config), ro(a.pools[pool]), ro(a.lpMints[pool]), ...custodyMetas(a, pool), ...marketMetas(a, pool), ...oracleMetas(a, poolFeeds(pool))],
    data: Uint8Array.of(TAG.queryPool),
  };
}

/** Decodes QueryPool's return data. */
export function decodePoolQuery(data: Uint8Array): { aumUsd: bigint; supply: bigint; lpPriceUsd: bigint } {
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { aumUsd: v.getBigUint64(0, true), supply: v.getBigUint64(8, true), lpPriceUsd: v.getBigUint64(16, true) };
}
