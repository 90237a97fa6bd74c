import { createPublicKey, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';

/** DER prefix of an ed25519 SubjectPublicKeyInfo (RFC 8410): the raw 32-byte key follows it. */
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const KEY_CACHE_LIMIT = 10_000;

/** Per public key (base58): the OpenSSL key object, or null when strict RFC 8032 refuses the key itself. */
const keyCache = new Map<string, KeyObject | null>();

function keyObjectFor(publicKeyB58: string, publicKey: Uint8Array): KeyObject | null {
  const cached = keyCache.get(publicKeyB58);
  if (cached !== undefined) return cached;
  let key: KeyObject | null = null;
  try {
    // Strict decoding (y < p, no "-0") and no small-order key: what `ed25519.verify(..., { zip215: false })` refuses.
    const point = ed25519.Point.fromBytes(publicKey, false);
    if (!point.isSmallOrder()) {
      key = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]), format: 'der', type: 'spki' });
    }
  } catch {
    key = null;
  }
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  keyCache.set(publicKeyB58, key);
  return key;
}

/**
 * Strict RFC 8032 ed25519 verification with exactly the acceptance of `ed25519.verify(sig, msg, key, { zip215:
 * false })` (@noble/curves), at OpenSSL speed. The key is checked once (strict decoding, not small order) and cached.
 * OpenSSL then checks S < L and the cofactorless equation by re-encoding R, which implies noble's cofactored one:
 * whatever OpenSSL accepts, noble accepts. What OpenSSL refuses is re-checked by noble (only crafted signatures
 * with a torsion component in R could differ), so the accepted set is noble's exactly and honest traffic pays only
 * the native check.
 */
export function verifyEd25519Strict(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array, publicKeyB58: string): boolean {
  const key = keyObjectFor(publicKeyB58, publicKey);
  if (!key) return false;
  if (nodeVerify(null, message, key, signature)) return true;
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}
