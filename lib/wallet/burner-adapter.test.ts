import bs58 from 'bs58';
import { ed25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { PublicKey, SystemProgram, TransactionMessage, VersionedTransaction } from '@solana/web3.js';
import { BurnerWalletAdapter } from '@/lib/wallet/burner-adapter';
import { BURNER_STORAGE_KEY } from '@/lib/wallet/burner-keys';
import type { KeyStorage } from '@/lib/wallet/burner-keys';

function memoryStorage(): KeyStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

describe('BurnerWalletAdapter', () => {
  it('keeps its account across instances (a reload) through storage', async () => {
    const storage = memoryStorage();
    const a = new BurnerWalletAdapter({ storage: () => storage });
    await a.connect();
    const first = a.publicKey?.toBase58();
    expect(first).toBeDefined();
    const b = new BurnerWalletAdapter({ storage: () => storage });
    await b.connect();
    expect(b.publicKey?.toBase58()).toBe(first);
    expect(bs58.decode(storage.map.get(BURNER_STORAGE_KEY) ?? '')).toHaveLength(32);
  });

  it('signs messages that verify with its public key', async () => {
    const a = new BurnerWalletAdapter({ storage: memoryStorage });
    await a.connect();
    const message = new TextEncoder().encode('{"v":1}');
    const signature = await a.signMessage(message);
    expect(signature).toHaveLength(64);
    expect(ed25519.verify(signature, message, a.publicKey?.toBytes() ?? new Uint8Array())).toBe(true);
  });

  it('renew() replaces the key and emits connect with the new one', async () => {
    const storage = memoryStorage();
    const a = new BurnerWalletAdapter({ storage: () => storage });
    await a.connect();
    const before = a.publicKey?.toBase58();
    const seen: string[] = [];
    a.on('connect', (pk) => seen.push(pk.toBase58()));
    const next = await a.renew();
    expect(next.toBase58()).not.toBe(before);
    expect(seen).toEqual([next.toBase58()]);
    const reloaded = new BurnerWalletAdapter({ storage: () => storage });
    await reloaded.connect();
    expect(reloaded.publicKey?.toBase58()).toBe(next.toBase58());
  });

  it('connect() while connected announces the same account again (WalletProvider may ask twice)', async () => {
    const a = new BurnerWalletAdapter({ storage: memoryStorage });
    await a.connect();
    const seen: string[] = [];
    a.on('connect', (pk) => seen.push(pk.toBase58()));
    await a.connect();
    expect(seen).toEqual([a.publicKey?.toBase58()]);
  });

  it('refuses to sign when disconnected', async () => {
    const a = new BurnerWalletAdapter({ storage: memoryStorage });
    await expect(a.signMessage(new Uint8Array([1]))).rejects.toThrow();
    await a.connect();
    await a.disconnect();
    expect(a.publicKey).toBeNull();
    await expect(a.signMessage(new Uint8Array([1]))).rejects.toThrow();
  });

  it('signs a v0 transaction whose fee payer it is; the signature verifies over the message', async () => {
    const a = new BurnerWalletAdapter({ storage: memoryStorage });
    await a.connect();
    const payer = a.publicKey!;
    const message = new TransactionMessage({
      payerKey: payer,
      recentBlockhash: '11111111111111111111111111111111',
      instructions: [SystemProgram.transfer({ fromPubkey: payer, toPubkey: PublicKey.default, lamports: 1 })],
    }).compileToV0Message();
    const tx = await a.signTransaction(new VersionedTransaction(message));
    expect(ed25519.verify(tx.signatures[0]!, message.serialize(), payer.toBytes())).toBe(true);
    await a.disconnect();
    await expect(a.signTransaction(new VersionedTransaction(message))).rejects.toThrow();
  });

  it('replaces a malformed stored key', async () => {
    const storage = memoryStorage();
    storage.setItem(BURNER_STORAGE_KEY, 'not-base58-0OIl');
    const a = new BurnerWalletAdapter({ storage: () => storage });
    await a.connect();
    expect(a.publicKey).not.toBeNull();
    expect(bs58.decode(storage.map.get(BURNER_STORAGE_KEY) ?? '')).toHaveLength(32);
  });
});
