/**
 * Sends one packed batch: simulated first (or sent at once, see `optimistic`); when the simulation fails, the failing instruction names the refused
 * settlement, which is dropped with its error code (or, when the owner's receiving account was the problem, sent
 * again with the account created) and the rest simulated again, until what is left succeeds; then sent and
 * confirmed. One refused settlement never holds up the others, and each round drops or repairs one.
 */
import type { Address, TransactionSigner } from '@solana/kit';
import { programErrorCode } from '@/lib/chain/errors';
import { signWire, type ChainClient } from '@/lib/deployment/chain-client';
import type { Batcher, PreparedSettlement } from './batcher';
import type { Settlement } from './planner';

export interface SettlementOutcome {
  settlement: Settlement;
  ok: boolean;
  /** The program's error code (or the runtime's) when refused. */
  code?: string;
  signature?: string;
}

export interface SenderDeps {
  client: ChainClient;
  batcher: Batcher;
  keeper: TransactionSigner;
  programId: Address;
  onSimulated?: () => void;
  onSent?: (signature: string) => void;
}

const json = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x));

/** `{"InstructionError":[i, detail]}` → the instruction's index and its detail, else undefined. */
export function instructionFailure(err: unknown): { index: number; detail: unknown } | undefined {
  if (typeof err !== 'object' || err === null || !('InstructionError' in err)) return undefined;
  const ie = (err as { InstructionError: unknown }).InstructionError;
  if (!Array.isArray(ie) || ie.length !== 2) return undefined;
  const index = typeof ie[0] === 'bigint' ? Number(ie[0]) : ie[0];
  return typeof index === 'number' ? { index, detail: ie[1] } : undefined;
}

/** A refusal's code: the pool program's error name for its custom errors, the runtime's variant otherwise. */
export function failureCode(detail: unknown, ofPoolProgram: boolean): string {
  if (typeof detail === 'string') return detail;
  if (typeof detail === 'object' && detail !== null && 'Custom' in detail) {
    const raw = (detail as { Custom: unknown }).Custom;
    const n = typeof raw === 'bigint' ? Number(raw) : typeof raw === 'number' ? raw : NaN;
    return (ofPoolProgram ? programErrorCode(n) : undefined) ?? `Custom(${n})`;
  }
  return json(detail);
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * `optimistic`: the first round sends at once, the send's own preflight being the simulation (settlements, which
 * the planner checked exactly, nearly always pass: one simulation saved on the path that counts); only when it is
 * refused does the batch simulate to learn which settlement failed. Fills (spam is expected) simulate first.
 */
export async function sendBatch(deps: SenderDeps, batch: readonly PreparedSettlement[], o: { optimistic?: boolean } = {}): Promise<SettlementOutcome[]> {
  const outcomes: SettlementOutcome[] = [];
  const items = [...batch];
  let sendFailure = '';
  let maxCompute = false;
  for (let round = 0; items.length > 0 && round < 2 * batch.length + 4; round++) {
    if (round > 0) await yieldToLoop();
    const built = deps.batcher.build(items, { maxCompute });
    const { wire, signature } = await signWire(deps.client, built.instructions, built.signers);
    if (round === 0 && o.optimistic === true) {
      try {
        await deps.client.send(wire, signature);
        deps.onSent?.(signature);
        for (const p of items) outcomes.push({ settlement: p.settlement, ok: true, signature });
        return outcomes;
      } catch (e) {
        sendFailure = e instanceof Error ? e.message : String(e);
      }
    }
    const sim = await deps.client.simulate(wire);
    deps.onSimulated?.();
    if (sim.err === null || sim.err === undefined) {
      try {
        await deps.client.send(wire, signature);
      } catch (e) {
        // The state moved between the simulation and the send (or the send failed): simulate again.
        sendFailure = e instanceof Error ? e.message : String(e);
        continue;
      }
      deps.onSent?.(signature);
      for (const p of items) outcomes.push({ settlement: p.settlement, ok: true, signature });
      return outcomes;
    }
    const failed = instructionFailure(sim.err);
    const owner = failed ? built.owners[failed.index] : undefined;
    if (!failed || owner === undefined || owner < 0) {
      // Not one settlement's refusal (fees, blockhash, the compute budget instruction): the whole batch fails now.
      for (const p of items) outcomes.push({ settlement: p.settlement, ok: false, code: failureCode(sim.err, false) });
      return outcomes;
    }
    const item = items[owner]!;
    const instruction = built.instructions[failed.index]!;
    const code = failureCode(failed.detail, instruction.programAddress === deps.programId);
    if (code === 'ComputationalBudgetExceeded' && !maxCompute) {
      // The budgets were short (the program grew): the same batch at the transaction's maximum.
      maxCompute = true;
      continue;
    }
    const receiverStep = instruction !== item.instructions[item.instructions.length - 1];
    if (item.settlement.kind !== 'fill' && item.receiverMode !== 'fresh' && (receiverStep || code === 'INVALID_TOKEN_ACCOUNT')) {
      // The owner's receiving account: missing, closed since it was looked up, or unusable: repair and retry.
      let mode = receiverStep ? ('fresh' as const) : await deps.batcher.receiverMode(item.settlement.owner, item.receiverMint!);
      if (mode === item.receiverMode || (mode === 'ata' && item.receiverMode !== 'ata')) mode = 'fresh';
      items[owner] = await deps.batcher.prepare(item.settlement, mode);
      continue;
    }
    outcomes.push({ settlement: item.settlement, ok: false, code });
    items.splice(owner, 1);
  }
  for (const p of items) outcomes.push({ settlement: p.settlement, ok: false, code: `SEND_FAILED: ${sendFailure}` });
  return outcomes;
}
