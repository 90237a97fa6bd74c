import {
  AddressLookupTableProgram,
  Connection,
  Keypair,
  LAMPORTS_PER_SOL,
  SystemProgram,
  TransactionMessage,
  VersionedTransaction,
  sendAndConfirmTransaction,
  Transaction,
} from '@solana/web3.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '@/lib/db/migrations';
import { openMemoryPglite, type PgliteDatabase } from '@/lib/db/pglite';
import { LocalChain, SqlChainStore } from '@/lib/validator';
import { manualClock } from '@/lib/validator/testing';
import { startTestRpc } from './testing';

/** v0 transactions whose accounts come from an address lookup table (the SlotHashes sysvar follows the slots). */
describe('address lookup tables', () => {
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

  it('loads a writable key from a table, records it in loadedAddresses, and persists its account', async () => {
    const payer = Keypair.generate();
    const dest = Keypair.generate().publicKey;
    await connection.requestAirdrop(payer.publicKey, 10 * LAMPORTS_PER_SOL);
    chain.tick();
    const [create, table] = AddressLookupTableProgram.createLookupTable({
      authority: payer.publicKey,
      payer: payer.publicKey,
      recentSlot: (await connection.getSlot()) - 1,
    });
    const extend = AddressLookupTableProgram.extendLookupTable({ lookupTable: table, authority: payer.publicKey, payer: payer.publicKey, addresses: [dest] });
    await sendAndConfirmTransaction(connection, new Transaction().add(create, extend), [payer]);
    chain.tick();
    const lookup = (await connection.getAddressLookupTable(table)).value;
    expect(lookup?.state.addresses.map((a) => a.toBase58())).toEqual([dest.toBase58()]);

    const { blockhash } = await connection.getLatestBlockhash();
    const message = new TransactionMessage({
      payerKey: payer.publicKey,
      recentBlockhash: blockhash,
      instructions: [SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: dest, lamports: LAMPORTS_PER_SOL })],
    }).compileToV0Message(lookup === null ? [] : [lookup]);
    expect(message.addressTableLookups).toHaveLength(1);
    const tx = new VersionedTransaction(message);
    tx.sign([payer]);
    const signature = await connection.sendTransaction(tx);
    expect(await connection.getBalance(dest)).toBe(LAMPORTS_PER_SOL);
    const fetched = await connection.getTransaction(signature, { maxSupportedTransactionVersion: 0 });
    expect(fetched?.meta?.loadedAddresses?.writable.map((a) => a.toBase58())).toEqual([dest.toBase58()]);
    expect(fetched?.meta?.postBalances.at(-1)).toBe(LAMPORTS_PER_SOL);
    expect((await connection.getSignaturesForAddress(dest)).map((s) => s.signature)).toEqual([signature]);

    await close();
    const reopened = await LocalChain.open(new SqlChainStore(db), manualClock().now, { autoTick: false });
    expect(reopened.getBalance(dest.toBase58() as never)).toBe(BigInt(LAMPORTS_PER_SOL));
    await reopened.close();
    close = async () => undefined;
  });
});
