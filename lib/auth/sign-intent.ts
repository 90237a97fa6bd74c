import { ed25519 } from '@noble/curves/ed25519.js';
import type { ActionName, IntentWire, SignedActionWire } from '@/lib/client/wire';
import { encodeBase58 } from './base58';

export interface Signer {
  secretKey: Uint8Array;
  /** base58 of the 32-byte public key: the owner. */
  owner: string;
}

/** A new random ed25519 key pair (tests and scripts; browsers sign with their wallet). */
export function newSigner(seed?: Uint8Array): Signer {
  const secretKey = ed25519.utils.randomSecretKey(seed);
  return { secretKey, owner: encodeBase58(ed25519.getPublicKey(secretKey)) };
}

export interface BuildIntentInput {
  signer: Signer;
  domain: string;
  action: ActionName;
  params: Record<string, unknown>;
  /** Default: a random 32-hex-character nonce. */
  nonce?: string;
  /** Default: now + 5 minutes. */
  expiresAt?: number;
  /** Default: Date.now(). */
  nowMs?: number;
}

/** The intent object with defaults filled in (api.md § Acting). */
export function buildIntent(input: BuildIntentInput): IntentWire {
  const nowMs = input.nowMs ?? Date.now();
  return {
    v: 1,
    domain: input.domain,
    owner: input.signer.owner,
    nonce: input.nonce ?? randomNonce(),
    expiresAt: input.expiresAt ?? nowMs + 5 * 60 * 1000,
    action: input.action,
    params: input.params,
  };
}

/** Signs the exact UTF-8 bytes of `message` and returns the POST /api/actions body. */
export function signMessage(signer: Signer, message: string): SignedActionWire {
  const signature = ed25519.sign(new TextEncoder().encode(message), signer.secretKey);
  return { message, signature: encodeBase58(signature), publicKey: signer.owner };
}

/** Builds, serialises and signs an intent in one step. */
export function signIntent(input: BuildIntentInput): SignedActionWire {
  return signMessage(input.signer, JSON.stringify(buildIntent(input)));
}

function randomNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
