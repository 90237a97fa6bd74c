import { Connection, Keypair, LAMPORTS_PER_SOL, NONCE_ACCOUNT_LENGTH, NonceAccount, SystemProgram, Transaction, sendAndConfirmTransaction } from '@solana/web3.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '@/lib/db/migrations';
import { openMemoryPglite, type PgliteDatabase } from '@/lib/db/pglite';
import type { LocalChain } from '@/lib/validator';
import { startTestRpc } from './testing';

/** A durable-nonce transaction lands long after its "blockhash" (the nonce) left the 150-block window. */
describe('durable nonces', () => {
  let db: PgliteDatabase;
  let chain: LocalChain;
  let connection: Connection;
  let close: () => Promise<void>;

  beforeAll(async () => {
    db = await openMemoryPglite();
    await runMigrations(db);
    const rpc = await startTestRpc(db);
    ({ chain, close } = rpc);
    connection = new Connection(rpc.server.url, { commitment: 'confirmed', wsEndpoint: rpc.server.wsUrl });
  });
  afterAll(async () => {
    await close();
    await db.close();
  });

  it('accepts a nonce transaction after 200 slots, once, and advances the nonce', async () => {
    const payer = Keypair.generate();
    const nonce = Keypair.generate();
    await connection.requestAirdrop(payer.publicKey, 10 * LAMPORTS_PER_SOL);
    const rent = await connection.getMinimumBalanceForRentExemption(NONCE_ACCOUNT_LENGTH);
    const create = SystemProgram.createNonceAccount({ fromPubkey: payer.publicKey, noncePubkey: nonce.publicKey, authorizedPubkey: payer.publicKey, lamports: rent });
    await sendAndConfirmTransaction(connection, new Transaction().add(create), [payer, nonce]);
    const stored = NonceAccount.fromAccountData((await connection.getAccountInfo(nonce.publicKey))?.data as Buffer);
    for (let i = 0; i < 200; i++) chain.tick();

    const to = Keypair.generate().publicKey;
    const tx = new Transaction({ feePayer: payer.publicKey, nonceInfo: { nonce: stored.nonce, nonceInstruction: SystemProgram.nonceAdvance({ noncePubkey: nonce.publicKey, authorizedPubkey: payer.publicKey }) } });
    tx.add(SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: to, lamports: LAMPORTS_PER_SOL }));
    tx.sign(payer);
    const wire = tx.serialize();
    await connection.sendRawTransaction(wire);
    expect(await connection.getBalance(to)).toBe(LAMPORTS_PER_SOL);
    const advanced = NonceAccount.fromAccountData((await connection.getAccountInfo(nonce.publicKey))?.data as Buffer);
    expect(advanced.nonce).not.toBe(stored.nonce);
    // The nonce moved on, so the same transaction is stale now.
    await expect(connection.sendRawTransaction(wire)).rejects.toThrow(/Blockhash not found|already been processed/);
  });
});
