/**
 * Assertions shared by the program's test files: one genesis world per file, forked per test; `ok` (accepted,
 * within the 200,000 CU default) and `refused` (the exact program error, and not one account changed).
 */
import type { Address, Instruction, TransactionSigner } from '@solana/kit';
import { expect } from 'vitest';
import type { ProgramErrorCode } from '@/lib/chain/errors';
import type { ProgramEvent } from '@/lib/chain/events';
import { addressesOf, changedAccounts, snapshot } from '@/lib/chain/testing/snapshot';
import type { SendResult } from '@/lib/chain/testing/svm-send';
import { createWorld, type Trader, type World, type WorldOptions } from '@/lib/chain/testing/world';
import { openIx, positionOf, type OpenArgs } from '@/lib/chain/testing/actions';
import type { MarketId, Side, TokenId } from '@/lib/math/ids';
import { MARKETS, lockToken } from '@/lib/math/params';
import { addToAggregate, removeFromAggregate } from '@/lib/math/aggregates';
import type { CloseResult } from '@/lib/math/close';
import { BPS } from '@/lib/math/scales';
import { custodyOf, vaultOf } from '@/lib/chain/addresses';
import type { CloseReason } from '@/lib/chain/events';
import { custody, custodyAfter, expectedClose, expectedOpen, market, marketPrice, positionAt } from '@/lib/chain/testing/model';
import { decodePosition } from '@/lib/chain/accounts';

/** The default compute budget of one instruction: every instruction must fit it (chain.md). */
export const CU_LIMIT = 200_000n;
const FEE_PER_SIGNATURE = 5_000n;

/** A function returning a fresh fork of one genesis world, created at the first call. */
export function genesis(options: WorldOptions = {}): () => Promise<World> {
  let base: Promise<World> | undefined;
  return async () => {
    base ??= createWorld(options);
    return (await base).fork();
  };
}

export async function ok(w: World, instructions: readonly Instruction[], signers: readonly TransactionSigner[]): Promise<SendResult> {
  const r = await w.send(instructions, signers);
  if (!r.ok) throw new Error(`refused (${r.code ?? JSON.stringify(r.err)}):\n${r.logs.join('\n')}`);
  expect(r.computeUnits).toBeLessThan(CU_LIMIT);
  return r;
}

/** The one event of `kind` the transaction emitted. */
export function eventOf<K extends ProgramEvent['kind']>(r: SendResult, kind: K): Extract<ProgramEvent, { kind: K }> {
  const found = r.events.filter((e) => e.kind === kind);
  expect(found).toHaveLength(1);
  return found[0] as Extract<ProgramEvent, { kind: K }>;
}

/**
 * Sends, expects the program's refusal `code` (its custom error number, and the logged code), and that no account
 * changed: every program and token account, every address the instructions name and `extra` (only the fee payer's
 * fee is gone).
 */
export async function refused(
  w: World,
  instructions: readonly Instruction[],
  signers: readonly TransactionSigner[],
  code: ProgramErrorCode,
  extra: readonly Address[] = [],
): Promise<SendResult> {
  const watched = [...addressesOf(instructions), ...signers.map((s) => s.address), ...extra];
  const before = snapshot(w, watched);
  const r = await w.send(instructions, signers);
  expect({ ok: r.ok, code: r.code }, r.logs.join('\n')).toEqual({ ok: false, code });
  const signing = new Set(instructions.flatMap((ix) => (ix.accounts ?? []).filter((m) => m.role >= 2).map((m) => m.address)));
  const signatures = new Set([signers[0]?.address, ...signers.map((s) => s.address).filter((a) => signing.has(a))]).size;
  expect(changedAccounts(before, snapshot(w, watched), { feePayer: signers[0]?.address, fee: FEE_PER_SIGNATURE * BigInt(signatures) })).toEqual([]);
  return r;
}

/** One unit of each token. */
export const ONE: Readonly<Record<TokenId, bigint>> = { USDC: 1_000_000n, SOL: 1_000_000_000n, WBTC: 100_000_000n, BONK: 100_000n };

/** A new trader funded with exactly `amount` of the posted token, and the position it opened. */
export async function opened(w: World, a: OpenArgs, extraFunds: Partial<Record<TokenId, bigint>> = {}): Promise<{ t: Trader; position: Address; r: SendResult }> {
  const token = a.token ?? lockToken(a.market, a.side);
  const t = await w.trader({ ...extraFunds, [token]: a.amount + (extraFunds[token] ?? 0n) });
  const r = await ok(w, [await openIx(w, t, a)], [t.signer]);
  return { t, position: await positionOf(w, t.address, a.market, a.side), r };
}

export interface SettleCheck {
  /** The owner of the position. */
  t: Trader;
  market: MarketId;
  side: Side;
  reason: CloseReason;
  fractionBps?: bigint;
  /** The transaction's signers (the owner for a close, the keeper for the others). */
  signers: readonly TransactionSigner[];
  ix: Instruction;
}

/**
 * Sends a close or a keeper settlement and checks everything against lib/math's closePosition at the chain's
 * price and interest: the position (what remains, or the account gone with its rent back to the owner), the
 * custody (collateral, owned, locked, interest, rate), the aggregate, the payout, the event.
 */
export async function settleAndCheck(w: World, c: SettleCheck): Promise<{ r: SendResult; expected: CloseResult }> {
  const pool = MARKETS[c.market].pool;
  const lock = lockToken(c.market, c.side);
  const position = await positionOf(w, c.t.address, c.market, c.side);
  const before = positionAt(w, position)!;
  const fractionBps = c.fractionBps ?? BPS;
  const e = expectedClose(w, c.market, position, fractionBps, c.reason === 'liquidation' ? 'liquidation' : 'exit');
  const custodyExpected = custodyAfter(w, pool, lock, { owned: e.ownedDelta, locked: -e.releasedLockAmount, collateral: -e.closedCollateralAmount });
  const removed = removeFromAggregate({ agg: market(w, c.market)[c.side], position: before.state });
  const aggExpected = e.remaining ? addToAggregate({ agg: removed, position: e.remaining }) : removed;
  const receiver = w.tokenBalance(c.t.tokenAccounts[lock]);
  const vault = w.tokenBalance(vaultOf(w.addresses, pool, lock));
  const rent = w.svm.getBalance(position) ?? 0n;
  const ownerLamports = w.svm.getBalance(c.t.address) ?? 0n;
  const feePaidByOwner = c.signers[0]?.address === c.t.address ? 5_000n : 0n;

  const r = await ok(w, [c.ix], c.signers);

  expect(custody(w, pool, lock)).toEqual(custodyExpected);
  expect(market(w, c.market)[c.side]).toEqual(aggExpected);
  expect(w.tokenBalance(c.t.tokenAccounts[lock])).toBe(receiver + e.payoutAmount);
  expect(w.tokenBalance(vaultOf(w.addresses, pool, lock))).toBe(vault - e.payoutAmount);
  if (e.remaining) {
    expect(positionAt(w, position)).toEqual({ ...before, state: e.remaining, updatedAt: w.nowS() });
    expect(w.svm.getBalance(c.t.address)).toBe(ownerLamports - feePaidByOwner);
  } else {
    expect(w.data(position)).toBeUndefined();
    expect(w.svm.getBalance(c.t.address)).toBe(ownerLamports - feePaidByOwner + rent);
  }
  expect(eventOf(r, 'positionClosed')).toEqual({
    kind: 'positionClosed',
    owner: c.t.address,
    position,
    market: w.addresses.markets[c.market],
    side: c.side,
    reason: c.reason,
    fractionBps,
    price: marketPrice(w, c.market),
    entryPrice: before.state.entryPrice,
    closedSizeUsd: e.closedSizeUsd,
    closedCollateralUsd: e.closedCollateralUsd,
    pricePnlUsd: e.pricePnlUsd,
    feeUsd: e.feeUsd,
    borrowFeeUsd: e.borrowFeePaidUsd,
    payoutMint: w.addresses.mints[lock],
    payoutAmount: e.payoutAmount,
    payoutUsd: e.payoutUsd,
    realizedPnlUsd: e.realizedPnlUsd,
    remainingSizeUsd: e.remaining?.sizeUsd ?? 0n,
  });
  return { r, expected: e };
}

export interface Open {
  market: MarketId;
  side: Side;
  token?: TokenId;
  amount: bigint;
  leverageBps: bigint;
}

/**
 * Opens (or increases) and checks the position, the custodies, the aggregate, the tokens and the event against
 * lib/math's open at the chain's state. `fill`: the keeper fills the owner's order instead (collateral from the
 * escrow, the order named in the event).
 */
export async function openAndCheck(w: World, t: Trader, a: Open, fill?: { ix: Instruction; order: Address }) {
  const pool = MARKETS[a.market].pool;
  const lock = lockToken(a.market, a.side);
  const posted = a.token ?? lock;
  const position = await positionOf(w, t.address, a.market, a.side);
  const e = expectedOpen(w, { ...a, position });
  const swapOut = e.swap?.amountOut ?? 0n;
  const lockAfter = custodyAfter(w, pool, lock, { owned: -swapOut, locked: e.opened.lockAmount, collateral: e.opened.collateralAmount });
  const postedAfter = posted === lock ? undefined : custodyAfter(w, pool, posted, { owned: a.amount });
  const aggBefore = market(w, a.market)[a.side];
  const aggAfter = addToAggregate({ agg: e.existing ? removeFromAggregate({ agg: aggBefore, position: e.existing.state }) : aggBefore, position: e.next });
  const source = fill ? w.addresses.escrows[posted] : t.tokenAccounts[posted];
  const funding = w.tokenBalance(source);
  const vault = w.tokenBalance(vaultOf(w.addresses, pool, posted));

  const r = fill ? await ok(w, [fill.ix], [w.keeper]) : await ok(w, [await openIx(w, t, a)], [t.signer]);

  const p = decodePosition(w.data(position)!);
  expect(p.state).toEqual(e.next);
  expect(p).toMatchObject({ owner: t.address, market: w.addresses.markets[a.market], custody: custodyOf(w.addresses, pool, lock), updatedAt: w.nowS() });
  expect(p.openedAt).toBe(e.existing?.openedAt ?? w.nowS());
  expect(custody(w, pool, lock)).toEqual(lockAfter);
  if (postedAfter) expect(custody(w, pool, posted)).toEqual(postedAfter);
  expect(market(w, a.market)[a.side]).toEqual(aggAfter);
  expect(w.tokenBalance(source)).toBe(funding - a.amount);
  expect(w.tokenBalance(vaultOf(w.addresses, pool, posted))).toBe(vault + a.amount);
  expect(eventOf(r, 'positionOpened')).toEqual({
    kind: 'positionOpened',
    owner: t.address,
    position,
    market: w.addresses.markets[a.market],
    side: a.side,
    increased: e.existing !== undefined,
    order: fill?.order ?? null,
    postedMint: w.addresses.mints[posted],
    postedAmount: a.amount,
    swapFeeAmount: e.swap?.feeAmount ?? 0n,
    swapFeeUsd: e.swap?.feeUsd ?? 0n,
    collateralAmount: e.opened.collateralAmount,
    collateralUsd: e.opened.collateralUsd,
    sizeUsd: e.opened.sizeUsd,
    price: e.price,
    openFeeUsd: e.opened.openFeeUsd,
    leverageBps: a.leverageBps,
    totalSizeUsd: e.next.sizeUsd,
    totalCollateralUsd: e.next.collateralUsd,
    totalCollateralAmount: e.next.collateralAmount,
    entryPrice: e.next.entryPrice,
    lockAmount: e.next.lockAmount,
    liquidationPrice: e.liquidationPrice,
    takeProfit: p.takeProfit,
    stopLoss: p.stopLoss,
  });
  return { r, position, expected: e };
}
