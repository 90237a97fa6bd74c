/**
 * Acting on chain from the browser (api.md § Acting): the server builds the unsigned transaction
 * (`POST /api/transactions/{action}`), the wallet signs it, it is sent to the chain's JSON-RPC (`POST /api/rpc`,
 * preflight on) and confirmed by polling `getSignatureStatuses`. Refusals become `ApiError` with the program's code
 * and a sentence.
 */
import { ApiError } from '@/lib/client/api-error';
import { requestJson } from '@/lib/client/api';
import { customErrorNumber } from '@/lib/chain/errors';
import type { ProgramEvent } from '@/lib/chain/events';
import { programRefusal } from './program-errors';

export interface BuiltTransaction {
  /** Base64 of the unsigned wire transaction (fee payer = owner). */
  transaction: string;
  accounts: { position?: string; order?: string };
}

export function buildTransaction(action: string, owner: string, params: Record<string, unknown>): Promise<BuiltTransaction> {
  return requestJson<BuiltTransaction>(`/api/transactions/${action}`, { method: 'POST', body: { owner, params } });
}

interface RpcAnswer<T> {
  result?: T;
  error?: { code: number; message: string; data?: { err?: unknown; logs?: string[] } };
}

async function rpc<T>(method: string, params: unknown[]): Promise<T> {
  let res: Response;
  try {
    res = await fetch('/api/rpc', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK', message: 'Could not reach the chain. Check your connection.' });
  }
  const body = (await res.json().catch(() => ({}))) as RpcAnswer<T>;
  if (body.error) throw refusalOf(body.error.data?.err, body.error.message);
  if (body.result === undefined) throw new ApiError({ status: res.status, code: 'BAD_RESPONSE', message: 'The chain sent an unreadable answer.' });
  return body.result;
}

/** The ApiError of a transaction error (a program refusal reads as its sentence). */
export function refusalOf(err: unknown, fallback: string): ApiError {
  const number = customErrorNumber(err);
  const refusal = number === undefined ? undefined : programRefusal(number);
  if (refusal) return new ApiError({ status: 422, code: refusal.code, message: refusal.message });
  return new ApiError({ status: 422, code: 'TRANSACTION_FAILED', message: `The chain refused the transaction: ${fallback}` });
}

const toBase64 = (bytes: Uint8Array): string => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
export const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** Sends a signed wire transaction (preflight on); resolves to its signature. */
export function sendSigned(wire: Uint8Array): Promise<string> {
  return rpc<string>('sendTransaction', [toBase64(wire), { encoding: 'base64', preflightCommitment: 'confirmed' }]);
}

interface SignatureStatus {
  err: unknown;
  confirmationStatus: 'processed' | 'confirmed' | 'finalized' | null;
}

/** Polls until the signature is confirmed; a failed transaction rejects with its refusal. */
export async function confirmSignature(signature: string, { timeoutMs = 30_000, pollMs = 300 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { value } = await rpc<{ value: (SignatureStatus | null)[] }>('getSignatureStatuses', [[signature], { searchTransactionHistory: true }]);
    const status = value[0];
    if (status?.err) throw refusalOf(status.err, JSON.stringify(status.err));
    if (status && (status.confirmationStatus === 'confirmed' || status.confirmationStatus === 'finalized')) return;
    if (Date.now() > deadline) throw new ApiError({ status: 0, code: 'NOT_CONFIRMED', message: `Not confirmed after ${Math.round(timeoutMs / 1000)} s; check History before trying again.` });
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/**
 * The program events of a confirmed transaction (what it did, e.g. the LP tokens minted). The decoder (kit's
 * address codec) loads on first use, not with every page.
 */
export async function transactionEvents(signature: string): Promise<ProgramEvent[]> {
  const [tx, { decodeEventLogs }] = await Promise.all([
    rpc<{ meta: { logMessages: string[] | null } | null } | null>('getTransaction', [signature, { encoding: 'json', maxSupportedTransactionVersion: 0 }]),
    import('@/lib/chain/events'),
  ]);
  return decodeEventLogs(tx?.meta?.logMessages ?? []);
}
