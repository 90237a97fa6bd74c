/**
 * The burner wallet's secret: a 32-byte ed25519 seed kept in localStorage (base58) so that a reload keeps the
 * account. Local network only: anyone with access to the browser profile can read it.
 */
import bs58 from 'bs58';
import { ed25519 } from '@noble/curves/ed25519.js';

export const BURNER_STORAGE_KEY = 'poolperps.burner.secretKey';

export type KeyStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Reads the stored seed; a missing or malformed value gives `undefined`. */
export function loadSeed(storage: KeyStorage): Uint8Array | undefined {
  const text = storage.getItem(BURNER_STORAGE_KEY);
  if (!text) return undefined;
  try {
    const seed = bs58.decode(text);
    return seed.length === 32 ? seed : undefined;
  } catch {
    return undefined;
  }
}

/** A new random seed, stored (replacing any previous one). */
export function createSeed(storage: KeyStorage): Uint8Array {
  const seed = ed25519.utils.randomSecretKey();
  storage.setItem(BURNER_STORAGE_KEY, bs58.encode(seed));
  return seed;
}

export const loadOrCreateSeed = (storage: KeyStorage): Uint8Array => loadSeed(storage) ?? createSeed(storage);

export const publicKeyBytes = (seed: Uint8Array): Uint8Array => ed25519.getPublicKey(seed);

export const signWithSeed = (message: Uint8Array, seed: Uint8Array): Uint8Array => ed25519.sign(message, seed);
