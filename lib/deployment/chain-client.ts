/**
 * What deploying and initialising needs of a chain: a blockhash, rent minimums, reads, and a send that resolves
 * when the transaction is confirmed. Implemented over the in-process LocalChain and over any JSON-RPC (a real
 * cluster, or our own /api/rpc), so `npm run deploy:program` and the local first start share one code path.
 */
import { attachSigners } from '@/lib/chain/signers';
import { signInstructions } from '@/lib/chain/loader/transaction';
import {
  getSignatureFromTransaction,
  getTransactionEncoder,
  type Address,
  type Blockhash,
  type Instruction,
  type TransactionSigner,
} from '@solana/kit';

export interface ChainAccountData {
  owner: Address;
  lamports: bigint;
  data: Uint8Array;
}

export interface SimulationOutcome {
  err: unknown;
  logs: string[];
  unitsConsumed: bigint;
  returnData: Uint8Array | null;
}

export interface ChainClient {
  latestBlockhash(): Promise<{ blockhash: string; lastValidBlockHeight: bigint }>;
  minimumBalance(dataLength: bigint): Promise<bigint>;
  getAccount(address: Address): Promise<ChainAccountData | null>;
  /** Sends a signed wire transaction; resolves when confirmed; rejects with its error when it failed. */
  send(wire: Uint8Array, signature: string): Promise<void>;
  /** Simulates a transaction (signatures not verified, so an unsigned one works). */
  simulate(wire: Uint8Array): Promise<SimulationOutcome>;
  /**
   * Optional: sends several independent transactions at once (one JSON-RPC batch, so a chain that group-commits
   * lands them together); resolves when every one is confirmed, rejects with the first failure.
   */
  sendMany?(items: readonly { wire: Uint8Array; signature: string }[]): Promise<void>;
}

/** Signs `instructions` (fee payer first signer; every signer named in the metas signs) into wire bytes. */
export async function signWire(client: ChainClient, instructions: readonly Instruction[], signers: readonly TransactionSigner[]): Promise<{ wire: Uint8Array; signature: string }> {
  const [payer] = signers;
  if (!payer) throw new Error('a transaction needs a fee payer');
  const { blockhash, lastValidBlockHeight } = await client.latestBlockhash();
  const tx = await signInstructions(attachSigners(instructions, signers), payer, { blockhash: blockhash as Blockhash, lastValidBlockHeight });
  return { wire: new Uint8Array(getTransactionEncoder().encode(tx)), signature: getSignatureFromTransaction(tx) };
}

/** Signs and sends; resolves when confirmed. */
export async function sendInstructions(client: ChainClient, instructions: readonly Instruction[], signers: readonly TransactionSigner[]): Promise<string> {
  const { wire, signature } = await signWire(client, instructions, signers);
  await client.send(wire, signature);
  return signature;
}

export { rpcChainClient } from './rpc-chain-client';
