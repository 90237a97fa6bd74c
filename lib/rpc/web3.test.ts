import {
  Connection,
  Keypair,
  LAMPORTS_PER_SOL,
  PublicKey,
  SendTransactionError,
  SystemProgram,
  Transaction,
  TransactionMessage,
  VersionedTransaction,
  sendAndConfirmTransaction,
} from '@solana/web3.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '@/lib/db/migrations';
import { openMemoryPglite, type PgliteDatabase } from '@/lib/db/pglite';
import type { LocalChain } from '@/lib/validator';
import { SOLANA_CORE_VERSION } from './context';
import { startTestRpc } from './testing';

/** @solana/web3.js 1.x `Connection` against the chain's JSON-RPC and PubSub. */
describe('web3.js Connection', () => {
  let db: PgliteDatabase;
  let chain: LocalChain;
  let connection: Connection;
  let close: () => Promise<void>;
  const payer = Keypair.generate();

  beforeAll(async () => {
    db = await openMemoryPglite();
    await runMigrations(db);
    const rpc = await startTestRpc(db);
    ({ chain, close } = rpc);
    connection = new Connection(rpc.server.url, { commitment: 'confirmed', wsEndpoint: rpc.server.wsUrl });
    const signature = await connection.requestAirdrop(payer.publicKey, 100 * LAMPORTS_PER_SOL);
    expect(typeof signature).toBe('string');
  });
  afterAll(async () => {
    await close();
    await db.close();
  });

  it('answers the node methods', async () => {
    expect(await connection.getVersion()).toEqual({ 'solana-core': SOLANA_CORE_VERSION, 'feature-set': expect.any(Number) });
    expect(await connection.getGenesisHash()).toBe(chain.genesisHash);
    chain.tick();
    expect(await connection.getSlot()).toBe(Number(chain.slot));
    expect(await connection.getBlockHeight()).toBe(Number(chain.slot));
    const epoch = await connection.getEpochInfo();
    expect(epoch).toMatchObject({ absoluteSlot: Number(chain.slot), epoch: 0, slotsInEpoch: 432000 });
    expect(await connection.getMinimumBalanceForRentExemption(165)).toBe(2_039_280);
    const fees = await connection.getRecentPrioritizationFees();
    expect(fees.at(-1)).toEqual({ slot: Number(chain.slot), prioritizationFee: 0 });
    expect((await connection.getTransactionCount())).toBeGreaterThan(0);
  });

  it('answers blockhash methods with lastValidBlockHeight = slot + 150', async () => {
    const { context, value } = await connection.getLatestBlockhashAndContext();
    expect(value.lastValidBlockHeight).toBe(context.slot + 150);
    expect((await connection.isBlockhashValid(value.blockhash)).value).toBe(true);
    const message = new TransactionMessage({
      payerKey: payer.publicKey,
      recentBlockhash: value.blockhash,
      instructions: [SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: Keypair.generate().publicKey, lamports: 1 })],
    }).compileToV0Message();
    expect((await connection.getFeeForMessage(message)).value).toBe(5000);
  });

  it('sends and confirms a system transfer (sendAndConfirmTransaction, signature subscription)', async () => {
    const to = Keypair.generate().publicKey;
    const tx = new Transaction().add(SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: to, lamports: 2 * LAMPORTS_PER_SOL }));
    const before = await connection.getBalance(payer.publicKey);
    const signature = await sendAndConfirmTransaction(connection, tx, [payer]);
    expect(await connection.getBalance(to)).toBe(2 * LAMPORTS_PER_SOL);
    expect(await connection.getBalance(payer.publicKey)).toBe(before - 2 * LAMPORTS_PER_SOL - 5000);
    const status = (await connection.getSignatureStatuses([signature])).value[0];
    expect(status).toMatchObject({ err: null, confirmationStatus: 'finalized', confirmations: null });
    const fetched = await connection.getTransaction(signature, { maxSupportedTransactionVersion: 0 });
    expect(fetched?.meta?.fee).toBe(5000);
    expect(fetched?.meta?.err).toBeNull();
    expect(fetched?.transaction.signatures[0]).toBe(signature);
    expect(fetched?.meta?.logMessages).toContain('Program 11111111111111111111111111111111 success');
    const parsed = await connection.getParsedTransaction(signature, { maxSupportedTransactionVersion: 0 });
    expect(parsed?.transaction.message.accountKeys[0]).toMatchObject({ pubkey: payer.publicKey, signer: true, writable: true });
    const history = await connection.getSignaturesForAddress(to);
    expect(history.map((h) => h.signature)).toEqual([signature]);
    expect(history[0]).toMatchObject({ err: null, memo: null, confirmationStatus: 'finalized' });
  });

  it('reads accounts: getAccountInfo, getParsedAccountInfo, getMultipleAccountsInfo, getProgramAccounts filters', async () => {
    const info = await connection.getAccountInfo(payer.publicKey);
    expect(info?.owner.equals(SystemProgram.programId)).toBe(true);
    expect(info?.data.length).toBe(0);
    expect(await connection.getAccountInfo(Keypair.generate().publicKey)).toBeNull();
    const parsed = await connection.getParsedAccountInfo(payer.publicKey);
    expect(parsed.value?.lamports).toBe(info?.lamports);
    const many = await connection.getMultipleAccountsInfo([payer.publicKey, Keypair.generate().publicKey]);
    expect(many[0]?.lamports).toBe(info?.lamports);
    expect(many[1]).toBeNull();

    // Two accounts owned by a made-up program, with data, set at genesis.
    const program = Keypair.generate().publicKey;
    const a = Keypair.generate().publicKey;
    const b = Keypair.generate().publicKey;
    const owner = program.toBase58() as never;
    await chain.setAccount(a.toBase58() as never, { lamports: 1_000_000n, owner, executable: false, rentEpoch: 0n, data: Uint8Array.from([1, 2, 3, 4]) });
    await chain.setAccount(b.toBase58() as never, { lamports: 1_000_000n, owner, executable: false, rentEpoch: 0n, data: Uint8Array.from([1, 9, 9]) });
    expect((await connection.getProgramAccounts(program)).length).toBe(2);
    const byMemcmp = await connection.getProgramAccounts(program, { filters: [{ memcmp: { offset: 1, bytes: '3' /* base58 of [2] */ } }] });
    expect(byMemcmp.map((x) => x.pubkey.toBase58())).toEqual([a.toBase58()]);
    const byBase64 = await connection.getProgramAccounts(program, {
      filters: [{ memcmp: { offset: 1, bytes: Buffer.from([9, 9]).toString('base64'), encoding: 'base64' } }],
    });
    expect(byBase64.map((x) => x.pubkey.toBase58())).toEqual([b.toBase58()]);
    const bySize = await connection.getProgramAccounts(program, { filters: [{ dataSize: 4 }] });
    expect(bySize.map((x) => x.account.data)).toEqual([Buffer.from([1, 2, 3, 4])]);
    const withContext = await connection.getProgramAccounts(program, { withContext: true, filters: [{ dataSize: 3 }] });
    expect(withContext.context.slot).toBe(Number(chain.slot));
    expect(withContext.value.map((x) => x.pubkey.toBase58())).toEqual([b.toBase58()]);
  });

  it('simulates: legacy with signers and accounts, versioned with replaceRecentBlockhash', async () => {
    const to = Keypair.generate().publicKey;
    const legacy = new Transaction().add(SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: to, lamports: LAMPORTS_PER_SOL }));
    const sim = await connection.simulateTransaction(legacy, [payer], [to]);
    expect(sim.value.err).toBeNull();
    expect(sim.value.unitsConsumed).toBe(150);
    expect(sim.value.logs).toEqual(['Program 11111111111111111111111111111111 invoke [1]', 'Program 11111111111111111111111111111111 success']);
    expect(sim.value.accounts?.[0]?.lamports).toBe(LAMPORTS_PER_SOL);
    expect(await connection.getAccountInfo(to)).toBeNull();

    const message = new TransactionMessage({
      payerKey: payer.publicKey,
      recentBlockhash: PublicKey.default.toBase58(),
      instructions: [SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: to, lamports: 1000 * LAMPORTS_PER_SOL })],
    }).compileToV0Message();
    const versioned = new VersionedTransaction(message);
    const stale = await connection.simulateTransaction(versioned);
    expect(stale.value.err).toBe('BlockhashNotFound');
    const replaced = await connection.simulateTransaction(versioned, { replaceRecentBlockhash: true });
    expect(replaced.value.err).toEqual({ InstructionError: [0, { Custom: 1 }] });
    expect(replaced.value.logs?.some((l) => l.includes('insufficient lamports'))).toBe(true);
  });

  it('refuses a failing transaction at preflight with -32002 and its logs, and changes nothing', async () => {
    const to = Keypair.generate().publicKey;
    const before = await connection.getBalance(payer.publicKey);
    const tx = new Transaction().add(SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: to, lamports: 1_000_000 * LAMPORTS_PER_SOL }));
    const error = await connection.sendTransaction(tx, [payer]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SendTransactionError);
    expect((error as SendTransactionError).message).toContain('Transaction simulation failed: Error processing Instruction 0: custom program error: 0x1');
    expect((error as SendTransactionError).logs?.some((l) => l.includes('insufficient lamports'))).toBe(true);
    expect(await connection.getBalance(payer.publicKey)).toBe(before);
    expect(await connection.getAccountInfo(to)).toBeNull();
  });

  it('answers raw JSON-RPC: getHealth, batches, unknown methods, bad params', async () => {
    const post = async (body: unknown) => {
      const res = await fetch(connection.rpcEndpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return res.json() as Promise<unknown>;
    };
    expect(await post({ jsonrpc: '2.0', id: 1, method: 'getHealth' })).toEqual({ jsonrpc: '2.0', result: 'ok', id: 1 });
    const batch = (await post([
      { jsonrpc: '2.0', id: 'a', method: 'getSlot' },
      { jsonrpc: '2.0', id: 'b', method: 'nope' },
      { jsonrpc: '2.0', id: 'c', method: 'getBalance', params: ['not-a-key'] },
    ])) as { id: string; result?: unknown; error?: { code: number } }[];
    expect(batch.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(batch[0]?.result).toBe(Number(chain.slot));
    expect(batch[1]?.error?.code).toBe(-32601);
    expect(batch[2]?.error?.code).toBe(-32602);
    const account = (await post({ jsonrpc: '2.0', id: 1, method: 'getAccountInfo', params: [payer.publicKey.toBase58(), { encoding: 'base64' }] })) as {
      result: { context: { slot: number; apiVersion: string }; value: { data: [string, string]; rentEpoch: number; space: number } };
    };
    expect(account.result.context.apiVersion).toBe(SOLANA_CORE_VERSION);
    expect(account.result.value.data).toEqual(['', 'base64']);
    expect(account.result.value.space).toBe(0);
  });
});
