/**
 * Instructions of the program for a world and a trader, with the addresses filled in: what a test writes instead
 * of the full builder inputs. Each returns the instruction (and the PDA it touches); sending is the caller's.
 */
import type { Address, Instruction } from '@solana/kit';
import type { MarketId, PoolId, Side, TokenId } from '@/lib/math/ids';
import { lockToken } from '@/lib/math/params';
import { sideByte } from '../accounts/position';
import {
  addCollateralInstruction,
  addLiquidityInstruction,
  cancelOrderInstruction,
  closePositionInstruction,
  executeTpSlInstruction,
  fillLimitOrderInstruction,
  liquidateInstruction,
  openPositionInstruction,
  placeLimitOrderInstruction,
  removeCollateralInstruction,
  removeLiquidityInstruction,
  setTpSlInstruction,
  swapInstruction,
} from '../instructions';
import { orderAddress, positionAddress } from '../pda';
import type { Trader, World } from './world';

export interface OpenArgs {
  market: MarketId;
  side: Side;
  /** The posted token (default: the position's collateral token, its lock token). */
  token?: TokenId;
  amount: bigint;
  leverageBps: bigint;
  acceptablePrice?: bigint | null;
  takeProfit?: bigint | null;
  stopLoss?: bigint | null;
}

export function positionOf(w: World, owner: Address, market: MarketId, side: Side): Promise<Address> {
  return positionAddress(w.addresses.programId, owner, w.addresses.markets[market], sideByte(side));
}

export function orderOf(w: World, owner: Address, slot: number): Promise<Address> {
  return orderAddress(w.addresses.programId, owner, slot);
}

export async function openIx(w: World, t: Trader, a: OpenArgs): Promise<Instruction> {
  const token = a.token ?? lockToken(a.market, a.side);
  return openPositionInstruction({
    addresses: w.addresses,
    owner: t.address,
    market: a.market,
    side: a.side,
    postedToken: token,
    amount: a.amount,
    leverageBps: a.leverageBps,
    acceptablePrice: a.acceptablePrice ?? null,
    takeProfit: a.takeProfit ?? null,
    stopLoss: a.stopLoss ?? null,
    funding: t.tokenAccounts[token],
    position: await positionOf(w, t.address, a.market, a.side),
  });
}

export async function closeIx(w: World, t: Trader, market: MarketId, side: Side, fractionBps = 10_000n, acceptablePrice: bigint | null = null): Promise<Instruction> {
  return closePositionInstruction({
    addresses: w.addresses,
    owner: t.address,
    market,
    side,
    position: await positionOf(w, t.address, market, side),
    fractionBps,
    acceptablePrice,
    receiver: t.tokenAccounts[lockToken(market, side)],
  });
}

export async function addCollateralIx(w: World, t: Trader, market: MarketId, side: Side, amount: bigint): Promise<Instruction> {
  const position = await positionOf(w, t.address, market, side);
  return addCollateralInstruction({ addresses: w.addresses, owner: t.address, market, side, position, amount, funding: t.tokenAccounts[lockToken(market, side)] });
}

export async function removeCollateralIx(w: World, t: Trader, market: MarketId, side: Side, amountUsd: bigint): Promise<Instruction> {
  const position = await positionOf(w, t.address, market, side);
  return removeCollateralInstruction({ addresses: w.addresses, owner: t.address, market, side, position, amountUsd, receiver: t.tokenAccounts[lockToken(market, side)] });
}

export async function setTpSlIx(w: World, t: Trader, market: MarketId, side: Side, takeProfit: bigint | null, stopLoss: bigint | null): Promise<Instruction> {
  const position = await positionOf(w, t.address, market, side);
  return setTpSlInstruction({ addresses: w.addresses, owner: t.address, market, side, position, takeProfit, stopLoss });
}

export interface OrderArgs extends OpenArgs {
  slot: number;
  triggerPrice: bigint;
}

export async function placeOrderIx(w: World, t: Trader, a: OrderArgs): Promise<Instruction> {
  const token = a.token ?? lockToken(a.market, a.side);
  return placeLimitOrderInstruction({
    addresses: w.addresses,
    owner: t.address,
    market: a.market,
    side: a.side,
    postedToken: token,
    slot: a.slot,
    order: await orderOf(w, t.address, a.slot),
    amount: a.amount,
    leverageBps: a.leverageBps,
    triggerPrice: a.triggerPrice,
    acceptablePrice: a.acceptablePrice ?? null,
    takeProfit: a.takeProfit ?? null,
    stopLoss: a.stopLoss ?? null,
    funding: t.tokenAccounts[token],
  });
}

export async function cancelOrderIx(w: World, t: Trader, slot: number, token: TokenId): Promise<Instruction> {
  return cancelOrderInstruction({ addresses: w.addresses, owner: t.address, order: await orderOf(w, t.address, slot), postedToken: token, receiver: t.tokenAccounts[token] });
}

/** The keeper fills `owner`'s order in `slot` (market, side and posted token as placed). */
export async function fillIx(w: World, owner: Trader, slot: number, a: { market: MarketId; side: Side; token?: TokenId }): Promise<Instruction> {
  return fillLimitOrderInstruction({
    addresses: w.addresses,
    keeper: w.keeper.address,
    owner: owner.address,
    order: await orderOf(w, owner.address, slot),
    market: a.market,
    side: a.side,
    postedToken: a.token ?? lockToken(a.market, a.side),
    position: await positionOf(w, owner.address, a.market, a.side),
  });
}

async function settleInput(w: World, owner: Trader, market: MarketId, side: Side) {
  return {
    addresses: w.addresses,
    keeper: w.keeper.address,
    owner: owner.address,
    market,
    side,
    position: await positionOf(w, owner.address, market, side),
    receiver: owner.tokenAccounts[lockToken(market, side)],
  };
}

export async function liquidateIx(w: World, owner: Trader, market: MarketId, side: Side): Promise<Instruction> {
  return liquidateInstruction(await settleInput(w, owner, market, side));
}

export async function executeTpSlIx(w: World, owner: Trader, market: MarketId, side: Side, kind: 'takeProfit' | 'stopLoss'): Promise<Instruction> {
  return executeTpSlInstruction({ ...(await settleInput(w, owner, market, side)), kind });
}

export function addLiquidityIx(w: World, t: Trader, pool: PoolId, token: TokenId, amount: bigint, minLpOut = 0n): Instruction {
  return addLiquidityInstruction({ addresses: w.addresses, owner: t.address, pool, token, amount, minLpOut, funding: t.tokenAccounts[token], lpAccount: t.lpAccounts[pool] });
}

export function removeLiquidityIx(w: World, t: Trader, pool: PoolId, token: TokenId, lpAmount: bigint, minAmountOut = 0n): Instruction {
  return removeLiquidityInstruction({ addresses: w.addresses, owner: t.address, pool, token, lpAmount, minAmountOut, lpAccount: t.lpAccounts[pool], receiver: t.tokenAccounts[token] });
}

export function swapIx(w: World, t: Trader, tokenIn: TokenId, tokenOut: TokenId, amountIn: bigint, minAmountOut = 0n, pool: PoolId = 'ALP'): Instruction {
  return swapInstruction({ addresses: w.addresses, owner: t.address, pool, tokenIn, tokenOut, amountIn, minAmountOut, funding: t.tokenAccounts[tokenIn], receiver: t.tokenAccounts[tokenOut] });
}
