/** A small HTTP client for built servers: JSON reads, dev controls, signed actions (lib/auth/sign-intent). */
import { signIntent, type Signer } from '@/lib/auth/sign-intent';
import type { ActionName } from '@/lib/client/wire';
import { DOMAIN } from './built-server';

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

async function answer<T>(res: Response): Promise<Answer<T>> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (a page): keep the text
  }
  return { status: res.status, body: body as T, headers: res.headers };
}

export async function getJson<T>(base: string, route: string): Promise<Answer<T>> {
  return answer<T>(await fetch(`${base}${route}`));
}

export async function postJson<T>(base: string, route: string, body: unknown): Promise<Answer<T>> {
  return answer<T>(await fetch(`${base}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
}

/** Signs `action` for DOMAIN and posts it. A network failure rejects (a killed server). */
export async function act<T = unknown>(base: string, signer: Signer, action: ActionName, params: Record<string, unknown>): Promise<Answer<T>> {
  return postJson<T>(base, '/api/actions', signIntent({ signer, domain: DOMAIN, action, params }));
}

/** The error code of a refusal, or undefined. */
export function codeOf(a: Answer): string | undefined {
  const err = (a.body as { error?: { code?: unknown } } | null)?.error;
  return typeof err?.code === 'string' ? err.code : undefined;
}

export const usd = (dollars: number) => (BigInt(dollars) * 1_000_000n).toString();
/** A price in the 1e10 fixed point of protocol.md §1. */
export const price = (dollars: number) => (BigInt(dollars) * 10_000_000_000n).toString();
