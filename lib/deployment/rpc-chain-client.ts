/**
 * A ChainClient over JSON-RPC (a real cluster, another server's /api/rpc, a loopback test RPC): sendTransaction
 * with preflight, then getSignatureStatuses until confirmed. A cluster may drop a transaction on its way to the
 * leader, so the same signed bytes are sent again every `rebroadcastMs` (without preflight; a duplicate changes
 * nothing) until they land; one whose blockhash expired unseen fails as such (its caller may sign it again).
 * `sendMany` sends a wave in one JSON-RPC batch (the local chain group-commits a batch's sends together: a deploy's
 * 650 Writes in ~11 commits instead of 650), falling back to single requests where an RPC refuses batches.
 */
import {
  createSolanaRpc,
  getCompiledTransactionMessageDecoder,
  getTransactionDecoder,
  type Blockhash,
  type Signature,
  type getBase64EncodedWireTransaction,
} from '@solana/kit';
import type { ChainClient } from './chain-client';

type Base64Wire = ReturnType<typeof getBase64EncodedWireTransaction>;

export interface RpcChainClientOptions {
  pollMs?: number;
  timeoutMs?: number;
  rebroadcastMs?: number;
}

const json = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
const base64 = (wire: Uint8Array) => Buffer.from(wire).toString('base64') as Base64Wire;
/** getSignatureStatuses takes at most 256 signatures. */
const STATUS_CHUNK = 256;

/** The recent blockhash a wire transaction was signed with. */
function wireBlockhash(wire: Uint8Array): Blockhash {
  const { messageBytes } = getTransactionDecoder().decode(wire);
  return getCompiledTransactionMessageDecoder().decode(messageBytes).lifetimeToken as Blockhash;
}

export function rpcChainClient(url: string, opts: RpcChainClientOptions = {}): ChainClient {
  const rpc = createSolanaRpc(url);
  const pollMs = opts.pollMs ?? 400;
  const timeoutMs = opts.timeoutMs ?? 90_000;
  const rebroadcastMs = opts.rebroadcastMs ?? 2_000;

  /** One JSON-RPC batch of sendTransaction; false when the RPC does not answer batches. */
  async function sendBatch(wires: readonly Uint8Array[], skipPreflight: boolean): Promise<boolean> {
    const body = wires.map((wire, id) => ({ jsonrpc: '2.0', id, method: 'sendTransaction', params: [base64(wire), { encoding: 'base64', preflightCommitment: 'confirmed', skipPreflight, ...(skipPreflight ? { maxRetries: 0 } : {}) }] }));
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).catch(() => undefined);
    const replies = response?.ok ? ((await response.json().catch(() => undefined)) as { id: number; error?: { message: string; data?: { logs?: string[] } } }[] | undefined) : undefined;
    if (!Array.isArray(replies)) return false;
    const failed = skipPreflight ? undefined : replies.find((r) => r.error);
    if (failed?.error) throw new Error(`transaction refused in preflight: ${failed.error.message}${failed.error.data?.logs ? ` (${failed.error.data.logs.slice(-3).join(' | ')})` : ''}`);
    return true;
  }

  /** Waits until every signature is confirmed, re-sending the pending ones; rejects with the first failure. */
  async function confirmAll(items: readonly { wire: Uint8Array; signature: string }[]): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let pending = [...items];
    let rebroadcastAt = Date.now() + rebroadcastMs;
    for (;;) {
      const still: typeof pending = [];
      for (let at = 0; at < pending.length; at += STATUS_CHUNK) {
        const chunk = pending.slice(at, at + STATUS_CHUNK);
        const { value } = await rpc.getSignatureStatuses(chunk.map((i) => i.signature as Signature)).send();
        chunk.forEach((item, k) => {
          const status = value[k];
          if (status?.err) throw new Error(`transaction ${item.signature} failed: ${json(status.err)}`);
          if (!status || (status.confirmationStatus !== 'confirmed' && status.confirmationStatus !== 'finalized')) still.push(item);
        });
      }
      pending = still;
      if (pending.length === 0) return;
      if (Date.now() > deadline) throw new Error(`transaction ${pending[0]!.signature} not confirmed within ${timeoutMs} ms`);
      if (Date.now() >= rebroadcastAt) {
        const first = pending[0]!;
        const { value: valid } = await rpc.isBlockhashValid(wireBlockhash(first.wire), { commitment: 'confirmed' }).send();
        if (!valid) {
          const { value } = await rpc.getSignatureStatuses([first.signature as Signature]).send();
          if (!value[0]) throw new Error(`transaction ${first.signature} expired unconfirmed (its blockhash is no longer valid)`);
        } else if (!(await sendBatch(pending.map((p) => p.wire), true).catch(() => false))) {
          for (const p of pending) await rpc.sendTransaction(base64(p.wire), { encoding: 'base64', skipPreflight: true, maxRetries: 0n }).send().catch(() => undefined);
        }
        rebroadcastAt = Date.now() + rebroadcastMs;
      }
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

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
      const { value } = await rpc.simulateTransaction(base64(wire), { encoding: 'base64', sigVerify: false, replaceRecentBlockhash: false, commitment: 'confirmed' }).send();
      const ret = value.returnData?.data?.[0];
      return { err: value.err, logs: [...(value.logs ?? [])], unitsConsumed: value.unitsConsumed ?? 0n, returnData: ret ? new Uint8Array(Buffer.from(ret, 'base64')) : null };
    },
    async send(wire, signature) {
      await rpc.sendTransaction(base64(wire), { encoding: 'base64', preflightCommitment: 'confirmed' }).send();
      await confirmAll([{ wire, signature }]);
    },
    async sendMany(items) {
      if (!(await sendBatch(items.map((i) => i.wire), false))) {
        await Promise.all(items.map((i) => rpc.sendTransaction(base64(i.wire), { encoding: 'base64', preflightCommitment: 'confirmed' }).send()));
      }
      await confirmAll(items);
    },
  };
}
