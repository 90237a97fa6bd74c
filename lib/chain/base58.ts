import bs58 from 'bs58';

/** Decodes base58 text into exactly `length` bytes; `undefined` for bad characters or another length. */
export function decodeBase58Exact(text: string, length: number): Uint8Array | undefined {
  // 64 bytes are at most 88 base58 characters; refuse longer input before decoding it.
  if (text.length === 0 || text.length > 90) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = bs58.decode(text);
  } catch {
    return undefined;
  }
  return bytes.length === length ? bytes : undefined;
}

/** True when `text` is the base58 of a 32-byte public key (a Solana address). */
export const isBase58PublicKey = (text: string): boolean => decodeBase58Exact(text, 32) !== undefined;

export const encodeBase58 = (bytes: Uint8Array): string => bs58.encode(bytes);
