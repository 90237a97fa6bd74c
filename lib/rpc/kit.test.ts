import { getTransferSolInstruction } from '@solana-program/system';
import {
  appendTransactionMessageInstruction,
  assertIsTransactionWithBlockhashLifetime,
  createSolanaRpc,
  createSolanaRpcSubscriptions,
  createTransactionMessage,
  generateKeyPairSigner,
  getBase64EncodedWireTransaction,
  getSignatureFromTransaction,
  lamports,
  pipe,
  sendAndConfirmTransactionFactory,
  setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash,
  signTransactionMessageWithSigners,
  type Rpc,
  type RpcSubscriptions,
  type SolanaRpcApi,
  type SolanaRpcSubscriptionsApi,
} from '@solana/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '@/lib/db/migrations';
import { openMemoryPglite, type PgliteDatabase } from '@/lib/db/pglite';
import type { LocalChain } from '@/lib/validator';
import { startTestRpc } from './testing';

/** @solana/kit's RPC client against the chain: bigints end to end (u64 values above 2^53 stay exact). */
describe('@solana/kit createSolanaRpc', () => {
  let db: PgliteDatabase;
  let chain: LocalChain;
  let rpc: Rpc<SolanaRpcApi>;
  let subscriptions: RpcSubscriptions<SolanaRpcSubscriptionsApi>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    db = await openMemoryPglite();
    await runMigrations(db);
    const started = await startTestRpc(db);
    ({ chain, close } = started);
    rpc = createSolanaRpc(started.server.url);
    subscriptions = createSolanaRpcSubscriptions(started.server.wsUrl);
  });
  afterAll(async () => {
    await close();
    await db.close();
  });

  it('sends a kit-built, kit-signed transfer and polls its status until confirmed', async () => {
    const payer = await generateKeyPairSigner();
    const to = await generateKeyPairSigner();
    await rpc.requestAirdrop(payer.address, lamports(5_000_000_000n)).send();
    chain.tick();
    const { value: latest } = await rpc.getLatestBlockhash({ commitment: 'confirmed' }).send();
    expect(latest.lastValidBlockHeight).toBe(chain.slot + 150n);
    const message = pipe(
      createTransactionMessage({ version: 0 }),
      (m) => setTransactionMessageFeePayerSigner(payer, m),
      (m) => setTransactionMessageLifetimeUsingBlockhash(latest, m),
      (m) => appendTransactionMessageInstruction(getTransferSolInstruction({ source: payer, destination: to.address, amount: lamports(1_234_567_890n) }), m),
    );
    const signed = await signTransactionMessageWithSigners(message);
    const wire = getBase64EncodedWireTransaction(signed);

    const simulated = await rpc.simulateTransaction(wire, { encoding: 'base64', replaceRecentBlockhash: true }).send();
    expect(simulated.value.err).toBeNull();
    expect(simulated.value.unitsConsumed).toBe(150n);
    expect(simulated.value.replacementBlockhash?.blockhash).toBe(latest.blockhash);

    const signature = await rpc.sendTransaction(wire, { encoding: 'base64', preflightCommitment: 'confirmed' }).send();
    expect(signature).toBe(getSignatureFromTransaction(signed));
    let status = null;
    for (let i = 0; i < 20 && status?.confirmationStatus !== 'confirmed' && status?.confirmationStatus !== 'finalized'; i++) {
      status = (await rpc.getSignatureStatuses([signature]).send()).value[0] ?? null;
      if (status === null) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toMatchObject({ err: null, confirmationStatus: 'finalized', slot: chain.slot });

    const account = await rpc.getAccountInfo(to.address, { encoding: 'base64' }).send();
    expect(account.value).toEqual({
      lamports: 1_234_567_890n,
      owner: '11111111111111111111111111111111',
      data: ['', 'base64'],
      executable: false,
      rentEpoch: 18446744073709551615n,
      space: 0n,
    });
    expect(account.context.slot).toBe(chain.slot);
    expect((await rpc.getBalance(payer.address).send()).value).toBe(5_000_000_000n - 1_234_567_890n - 5000n);

    const tx = await rpc.getTransaction(signature, { maxSupportedTransactionVersion: 0, encoding: 'base64' }).send();
    expect(tx?.transaction).toEqual([wire, 'base64']);
    expect(tx?.version).toBe(0);
    expect(tx?.meta?.fee).toBe(5000n);
  });

  it('sendAndConfirmTransactionFactory confirms over the PubSub (signature and slot notifications)', async () => {
    const payer = await generateKeyPairSigner();
    const to = await generateKeyPairSigner();
    await rpc.requestAirdrop(payer.address, lamports(2_000_000_000n)).send();
    const { value: latest } = await rpc.getLatestBlockhash().send();
    const message = pipe(
      createTransactionMessage({ version: 0 }),
      (m) => setTransactionMessageFeePayerSigner(payer, m),
      (m) => setTransactionMessageLifetimeUsingBlockhash(latest, m),
      (m) => appendTransactionMessageInstruction(getTransferSolInstruction({ source: payer, destination: to.address, amount: lamports(1_000_000_000n) }), m),
    );
    const signed = await signTransactionMessageWithSigners(message);
    assertIsTransactionWithBlockhashLifetime(signed);
    await sendAndConfirmTransactionFactory({ rpc, rpcSubscriptions: subscriptions })(signed, { commitment: 'confirmed' });
    expect((await rpc.getBalance(to.address).send()).value).toBe(1_000_000_000n);
  });

  it('refuses a v0 transaction in getTransaction without maxSupportedTransactionVersion (-32015)', async () => {
    const payer = await generateKeyPairSigner();
    const signature = await rpc.requestAirdrop(payer.address, lamports(1_000_000_000n)).send();
    await expect(rpc.getTransaction(signature).send()).rejects.toThrow(/maxSupportedTransactionVersion/);
  });
});
