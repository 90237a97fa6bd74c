/**
 * The signed message of `POST /api/actions` (api.md § Acting): UTF-8 JSON of `IntentWire` with its keys in the
 * documented order. The server verifies the exact bytes, so this is the only place that builds it.
 */
import type { ActionName, IntentWire } from '@/lib/client/wire';

/** A param value before serialisation: bigints become decimal strings, `null` stays `null` (e.g. "remove TP"). */
export type IntentParamValue = bigint | string | number | boolean | null;
export type IntentParams = Record<string, IntentParamValue | undefined>;

/** How long a signed intent stays valid (the server accepts at most 10 minutes ahead). */
export const INTENT_LIFETIME_MS = 5 * 60 * 1000;

/** Params as they cross JSON: bigint → decimal string; `undefined` entries are left out. */
export function serializeParams(params: IntentParams): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    out[key] = typeof value === 'bigint' ? value.toString() : value;
  }
  return out;
}

export interface IntentInput {
  /** The Host the request goes to (`window.location.host`). */
  domain: string;
  owner: string;
  action: ActionName;
  params: IntentParams;
  nonce: string;
  /** Unix milliseconds. */
  expiresAt: number;
}

/** The exact JSON string the wallet signs: `{"v":1,"domain",...,"params":{...}}`. */
export function buildIntentMessage(input: IntentInput): string {
  const intent: IntentWire = {
    v: 1,
    domain: input.domain,
    owner: input.owner,
    nonce: input.nonce,
    expiresAt: input.expiresAt,
    action: input.action,
    params: serializeParams(input.params),
  };
  return JSON.stringify(intent);
}

/** A fresh nonce: 32 hex characters from the platform's CSPRNG (within the 1-64 visible-ASCII rule). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
