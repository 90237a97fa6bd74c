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
import { createWorld, type World, type WorldOptions } from '@/lib/chain/testing/world';

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
