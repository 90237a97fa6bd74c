import {
  TOKEN_PROGRAM_ID,
  createMint,
  getAccount,
  getOrCreateAssociatedTokenAccount,
  mintTo,
  transfer,
} from '@solana/spl-token';
import { Connection, Keypair, LAMPORTS_PER_SOL, type ParsedAccountData } from '@solana/web3.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '@/lib/db/migrations';
import { openMemoryPglite, type PgliteDatabase } from '@/lib/db/pglite';
import type { LocalChain } from '@/lib/validator';
import { startTestRpc } from './testing';

/** A plain SPL Token flow built by @solana/spl-token, through the RPC: LiteSVM's bundled Token program runs it. */
describe('SPL Token through the RPC', () => {
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

  it('creates a mint and ATAs, mints, transfers between two wallets, and reads it all back', async () => {
    const payer = Keypair.generate();
    const alice = Keypair.generate();
    const bob = Keypair.generate();
    await connection.requestAirdrop(payer.publicKey, 10 * LAMPORTS_PER_SOL);
    await connection.requestAirdrop(alice.publicKey, LAMPORTS_PER_SOL);

    const mint = await createMint(connection, payer, payer.publicKey, null, 6);
    const aliceAta = await getOrCreateAssociatedTokenAccount(connection, payer, mint, alice.publicKey);
    const bobAta = await getOrCreateAssociatedTokenAccount(connection, payer, mint, bob.publicKey);
    await mintTo(connection, payer, mint, aliceAta.address, payer, 5_000_000n);
    const signature = await transfer(connection, payer, aliceAta.address, bobAta.address, alice, 1_500_000n);

    expect((await getAccount(connection, aliceAta.address)).amount).toBe(3_500_000n);
    expect((await getAccount(connection, bobAta.address)).amount).toBe(1_500_000n);
    expect((await connection.getTokenAccountBalance(bobAta.address)).value).toEqual({
      amount: '1500000',
      decimals: 6,
      uiAmount: 1.5,
      uiAmountString: '1.5',
    });
    expect((await connection.getTokenSupply(mint)).value.amount).toBe('5000000');

    const parsed = await connection.getParsedTokenAccountsByOwner(bob.publicKey, { mint });
    expect(parsed.value).toHaveLength(1);
    const info = (parsed.value[0]?.account.data as ParsedAccountData).parsed.info as Record<string, unknown>;
    expect(info).toMatchObject({ mint: mint.toBase58(), owner: bob.publicKey.toBase58(), state: 'initialized', isNative: false });
    expect(info.tokenAmount).toMatchObject({ amount: '1500000', uiAmountString: '1.5' });
    const byProgram = await connection.getTokenAccountsByOwner(alice.publicKey, { programId: TOKEN_PROGRAM_ID });
    expect(byProgram.value.map((v) => v.pubkey.toBase58())).toEqual([aliceAta.address.toBase58()]);

    const mintInfo = await connection.getParsedAccountInfo(mint);
    expect((mintInfo.value?.data as ParsedAccountData).parsed).toMatchObject({ type: 'mint', info: { decimals: 6, supply: '5000000' } });

    const holders = await connection.getProgramAccounts(TOKEN_PROGRAM_ID, {
      filters: [{ dataSize: 165 }, { memcmp: { offset: 0, bytes: mint.toBase58() } }],
    });
    expect(holders.map((h) => h.pubkey.toBase58()).sort()).toEqual([aliceAta.address.toBase58(), bobAta.address.toBase58()].sort());

    const tx = await connection.getTransaction(signature, { maxSupportedTransactionVersion: 0 });
    const pre = tx?.meta?.preTokenBalances?.map((b) => [b.owner, b.uiTokenAmount.amount]);
    const post = tx?.meta?.postTokenBalances?.map((b) => [b.owner, b.uiTokenAmount.amount]);
    expect(pre).toEqual(expect.arrayContaining([[alice.publicKey.toBase58(), '5000000'], [bob.publicKey.toBase58(), '0']]));
    expect(post).toEqual(expect.arrayContaining([[alice.publicKey.toBase58(), '3500000'], [bob.publicKey.toBase58(), '1500000']]));
    expect(chain.getTokenAccountsByOwner(bob.publicKey.toBase58() as never, { mint: mint.toBase58() as never })).toHaveLength(1);
  });
});
