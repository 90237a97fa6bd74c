/** Sending kit instructions to a LiteSVM and reading what happened: error, custom number, logs, CU, events. */
import { type Instruction, type TransactionSigner } from '@solana/kit';
import { FailedTransactionMetadata, type LiteSVM } from 'litesvm';
import { signInstructions } from '../loader/transaction';
import { attachSigners } from '../signers';
import { transactionErrorJson } from '@/lib/validator/svm-errors';
import { customErrorNumber, loggedErrorCode, programErrorCode, type ProgramErrorCode } from '../errors';
import { decodeEventLogs, type ProgramEvent } from '../events';

export interface SendResult {
  ok: boolean;
  /** The program error code when the program refused (logged and as the custom number). */
  code: ProgramErrorCode | undefined;
  err: unknown;
  logs: string[];
  computeUnits: bigint;
  events: ProgramEvent[];
}

/** Signs `instructions` (fee payer: `signers[0]`; every signer in the metas signs) and sends them. */
export async function sendInstructions(svm: LiteSVM, instructions: readonly Instruction[], signers: readonly TransactionSigner[]): Promise<SendResult> {
  const [payer] = signers;
  if (!payer) throw new Error('a transaction needs a fee payer');
  const tx = await signInstructions(attachSigners(instructions, signers), payer, { blockhash: svm.latestBlockhash(), lastValidBlockHeight: 0n });
  const result = svm.sendTransaction(tx);
  svm.expireBlockhash();
  if (result instanceof FailedTransactionMetadata) {
    const meta = result.meta();
    const logs = meta.logs();
    const err = transactionErrorJson(result);
    const number = customErrorNumber(err);
    return { ok: false, code: loggedErrorCode(logs) ?? (number === undefined ? undefined : programErrorCode(number)), err, logs, computeUnits: meta.computeUnitsConsumed(), events: [] };
  }
  const logs = result.logs();
  return { ok: true, code: undefined, err: undefined, logs, computeUnits: result.computeUnitsConsumed(), events: decodeEventLogs(logs) };
}
