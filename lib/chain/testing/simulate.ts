/** Simulating a read-only instruction (QueryPool) on a LiteSVM: its return data, nothing written. */
import type { Instruction, TransactionSigner } from '@solana/kit';
import { FailedTransactionMetadata } from 'litesvm';
import type { PoolId } from '@/lib/math/ids';
import { attachSigners } from '../signers';
import { signInstructions } from '../loader/transaction';
import { decodePoolQuery, queryPoolInstruction } from '../instructions/liquidity';
import type { World } from './world';

/** The return data of simulating `instruction` (fee payer `payer`); throws with the logs when it fails. */
export async function simulateReturn(w: World, instruction: Instruction, payer: TransactionSigner): Promise<{ data: Uint8Array; computeUnits: bigint }> {
  const tx = await signInstructions(attachSigners([instruction], [payer]), payer, { blockhash: w.svm.latestBlockhash(), lastValidBlockHeight: 0n });
  const result = w.svm.simulateTransaction(tx);
  if (result instanceof FailedTransactionMetadata) throw new Error(`simulation failed:\n${result.meta().logs().join('\n')}`);
  const meta = result.meta();
  return { data: new Uint8Array(meta.returnData().data()), computeUnits: meta.computeUnitsConsumed() };
}

/** QueryPool now: the program's AUM, LP supply and LP price of `pool`. */
export async function queryPool(w: World, pool: PoolId): Promise<{ aumUsd: bigint; supply: bigint; lpPriceUsd: bigint; computeUnits: bigint }> {
  const { data, computeUnits } = await simulateReturn(w, queryPoolInstruction(w.addresses, pool), w.keeper);
  return { ...decodePoolQuery(data), computeUnits };
}
