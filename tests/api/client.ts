/** Calls route handlers in-process, the way Next does, and reads their JSON answers. */
import type { ActionName, AccountWire, HistoryEventWire, PoolWire, SignedActionWire } from '@/lib/client/wire';
import type { Signer } from '@/lib/auth/sign-intent';
import { signIntent } from '@/lib/auth/sign-intent';
import * as accountsRoute from '@/app/api/accounts/[owner]/route';
import * as actionsRoute from '@/app/api/actions/route';
import * as historyRoute from '@/app/api/history/[owner]/route';
import * as poolsRoute from '@/app/api/pools/route';
import { BASE_URL, DOMAIN } from './harness';

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

export interface ErrorAnswer {
  status: number;
  code: string;
  message: string;
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

async function answer<T>(response: Response): Promise<Answer<T>> {
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function get<T = unknown>(handler: Handler<never>, path: string, params: Record<string, string> = {}): Promise<Answer<T>> {
  const context = { params: Promise.resolve(params) } as never;
  return answer<T>(await handler(new Request(`${BASE_URL}${path}`, { headers: { host: DOMAIN } }), context));
}

export interface PostOptions {
  headers?: Record<string, string>;
  /** Raw body instead of JSON.stringify(body). */
  raw?: BodyInit;
}

export async function post<T = unknown>(handler: Handler<never>, path: string, body: unknown, opts: PostOptions = {}): Promise<Answer<T>> {
  const request = new Request(`${BASE_URL}${path}`, {
    method: 'POST',
    headers: { host: DOMAIN, 'content-type': 'application/json', ...opts.headers },
    body: opts.raw ?? JSON.stringify(body),
  });
  return answer<T>(await handler(request, { params: Promise.resolve({}) } as never));
}

/** Reads `{error: {code, message}}` and checks its shape. */
export function errorOf(a: Answer): ErrorAnswer {
  const err = (a.body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (!err || typeof err.code !== 'string' || typeof err.message !== 'string') {
    throw new Error(`expected an error body, got ${a.status} ${JSON.stringify(a.body)}`);
  }
  return { status: a.status, code: err.code, message: err.message };
}

export const postSigned = <T = unknown>(body: SignedActionWire | unknown, opts?: PostOptions) =>
  post<T>(actionsRoute.POST as Handler<never>, '/api/actions', body, opts);

/** Every owner that `act` signed for (conservation checks sum over them). */
export const actingOwners = new Set<string>();

/** Signs and posts one action for `signer` (domain DOMAIN, random nonce, expiring in 5 minutes). */
export function act<T = unknown>(signer: Signer, action: ActionName, params: Record<string, unknown>, over: { nonce?: string; expiresAt?: number; domain?: string } = {}) {
  actingOwners.add(signer.owner);
  return postSigned<T>(signIntent({ signer, domain: over.domain ?? DOMAIN, action, params, nonce: over.nonce, expiresAt: over.expiresAt }));
}

export async function account(owner: string): Promise<AccountWire> {
  const a = await get<AccountWire>(accountsRoute.GET as Handler<never>, `/api/accounts/${owner}`, { owner });
  if (a.status !== 200) throw new Error(`GET account ${a.status} ${JSON.stringify(a.body)}`);
  return a.body;
}

export async function history(owner: string): Promise<HistoryEventWire[]> {
  const a = await get<HistoryEventWire[]>(historyRoute.GET as Handler<never>, `/api/history/${owner}?limit=500`, { owner });
  if (a.status !== 200) throw new Error(`GET history ${a.status} ${JSON.stringify(a.body)}`);
  return a.body;
}

export async function pools(): Promise<PoolWire[]> {
  const a = await get<PoolWire[]>(poolsRoute.GET as Handler<never>, '/api/pools');
  if (a.status !== 200) throw new Error(`GET pools ${a.status} ${JSON.stringify(a.body)}`);
  return a.body;
}

/** What a refused request must leave untouched: the pools and the accounts involved, as the API shows them. */
export async function ledger(owners: readonly string[]): Promise<unknown> {
  return { pools: await pools(), accounts: await Promise.all(owners.map(account)) };
}
