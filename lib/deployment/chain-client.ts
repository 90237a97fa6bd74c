/**
 * What deploying and initialising needs of a chain: a blockhash, rent minimums, reads, and a send that resolves
 * when the transaction is confirmed. Implemented over the in-process LocalChain and over any JSON-RPC (a real
 * cluster, or our own /api/rpc), so `npm run deploy:program` and the local first start share one code path.
 */
import { attachSigners } from '@/lib/chain/signers';
import { signInstructions } from '@/lib/chain/loader/transaction';
import type {
  getBase64EncodedWireTransaction} from '@solana/kit';
import {
  createSolanaRpc,
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

/** A ChainClient over JSON-RPC: sendTransaction with preflight, then getSignatureStatuses until confirmed. */
export function rpcChainClient(url: string, opts: { pollMs?: number; timeoutMs?: number } = {}): ChainClient {
  const rpc = createSolanaRpc(url);
  const pollMs = opts.pollMs ?? 400;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  return {
    async latestBlockhash() {
      const { value } = await rpc.getLatestBlockhash({ commitment: 'confirmed' }).send();
      return { blockhash: value.blockhash, lastValidBlockHeight: value.lastValidBlockHeight };
    },
    async minimumBalance(dataLength) {
      return rpc.getMinimumBalanceForRentExemption(dataLength).send();
    },
    async getAccount(address) {
      const { value } = await rpc.getAccountInfo(address, { encoding: 'base64' }).send();
      if (!value) return null;
      return { owner: value.owner, lamports: value.lamports, data: new Uint8Array(Buffer.from(value.data[0], 'base64')) };
    },
    async simulate(wire) {
      const encoded = Buffer.from(wire).toString('base64') as ReturnType<typeof getBase64EncodedWireTransaction>;
      const { value } = await rpc.simulateTransaction(encoded, { encoding: 'base64', sigVerify: false, replaceRecentBlockhash: false, commitment: 'confirmed' }).send();
      const ret = value.returnData?.data?.[0];
      return { err: value.err, logs: [...(value.logs ?? [])], unitsConsumed: value.unitsConsumed ?? 0n, returnData: ret ? new Uint8Array(Buffer.from(ret, 'base64')) : null };
    },
    async send(wire, signature) {
      const encoded = Buffer.from(wire).toString('base64') as ReturnType<typeof getBase64EncodedWireTransaction>;
      await rpc.sendTransaction(encoded, { encoding: 'base64', preflightCommitment: 'confirmed' }).send();
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { value } = await rpc.getSignatureStatuses([signature as Parameters<typeof rpc.getSignatureStatuses>[0][number]]).send();
        const status = value[0];
        if (status?.err) throw new Error(`transaction ${signature} failed: ${JSON.stringify(status.err, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`);
        if (status && (status.confirmationStatus === 'confirmed' || status.confirmationStatus === 'finalized')) return;
        if (Date.now() > deadline) throw new Error(`transaction ${signature} not confirmed within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, pollMs));
      }
    },
  };
}
