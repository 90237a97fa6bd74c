/**
 * Keypairs the deployment keeps (local chain: admin, oracle authority, faucet mint authority, keeper, genesis
 * owner), as 32-byte seeds so they survive a restart. Real clusters take keypair files (`solana-keygen` JSON).
 */
import { createKeyPairSignerFromBytes, createKeyPairSignerFromPrivateKeyBytes, getAddressEncoder, type KeyPairSigner } from '@solana/kit';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const newSeed = (): string => randomBytes(32).toString('hex');

export function signerFromSeed(hex: string): Promise<KeyPairSigner> {
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('a key seed is 32 bytes of hex');
  return createKeyPairSignerFromPrivateKeyBytes(Uint8Array.from(Buffer.from(hex, 'hex')));
}

/** A `solana-keygen` keypair file: a JSON array of 64 bytes (secret key then public key). */
export function signerFromKeypairFile(path: string): Promise<KeyPairSigner> {
  const bytes = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (!Array.isArray(bytes) || bytes.length !== 64 || !bytes.every((b) => Number.isInteger(b) && b >= 0 && b < 256)) {
    throw new Error(`${path} is not a keypair file (a JSON array of 64 bytes)`);
  }
  return createKeyPairSignerFromBytes(Uint8Array.from(bytes as number[]));
}

/** Writes a new keypair to `path` as `solana-keygen` does (secret then public key; owner-only, never overwritten). */
export async function writeNewKeypairFile(path: string): Promise<KeyPairSigner> {
  const seed = randomBytes(32);
  const signer = await createKeyPairSignerFromPrivateKeyBytes(Uint8Array.from(seed));
  const bytes = [...seed, ...getAddressEncoder().encode(signer.address)];
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(bytes)}\n`, { mode: 0o600, flag: 'wx' });
  return signer;
}
