/**
 * Issue 14, "web3.js Connection and kit's RPC against /api/rpc", on a built server (`next start`, PGlite): the
 * stock Solana clients pointed at `<server>/api/rpc` and nothing else. @solana/web3.js 1.x `Connection` reads the
 * node, balances, accounts, program accounts with `memcmp`/`dataSize` filters and token accounts, simulates, and
 * sends a plain SPL Token transfer built by @solana/spl-token between two faucet-funded wallets (a real SVM runs
 * the Token program); @solana/kit's `createSolanaRpc` sends a program transaction from `/api/transactions` and
 * reads the position it made; a transaction the program refuses fails at preflight with the custom error number of
 * `GET /api/chain` and logs that name the code.
 *
 * Most sends are confirmed by polling `getSignatureStatuses`, as the app does. The built server (server.ts) also serves
 * Solana's PubSub, on WebSocket upgrades of /api/rpc and on the HTTP port + 1 where web3.js 1.x dials it by
 * default: `sendAndConfirmTransaction` with a stock Connection confirms by `signatureSubscribe`, and kit's
 * `createSolanaRpcSubscriptions` on ws://…/api/rpc gets slot notifications.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ACCOUNT_SIZE,
  TOKEN_PROGRAM_ID,
  createTransferCheckedInstruction,
  getAccount,
  getAssociatedTokenAddressSync,
  getMint,
} from '@solana/spl-token';
import {
  Connection,
  Keypair,
  PublicKey,
  SendTransactionError,
  SystemProgram,
  Transaction,
  sendAndConfirmTransaction,
  TransactionMessage,
  VersionedTransaction,
  type ParsedAccountData,
} from '@solana/web3.js';
import {
  address,
  createKeyPairSignerFromBytes,
  createSolanaRpc,
  createSolanaRpcSubscriptions,
  type Base64EncodedWireTransaction,
  type KeyPairSigner,
} from '@solana/kit';
import bs58 from 'bs58';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeMarket, decodePosition } from '@/lib/chain/accounts';
import { ACCOUNT_LEN, DISCRIMINATOR } from '@/lib/chain/tags';
import {
  buildTx,
  chainInfo,
  confirm,
  faucet,
  getJson,
  postJson,
  signatureStatuses,
  signWire,
  startChainServer,
  usd,
  type BuiltServer,
  type ChainInfo,
  type TxAnswer,
} from './support';

/** §9's faucet basket (lib/math/params FAUCET_LIMITS) and the SOL for fees the faucet adds. */
const FAUCET = { USDC: 10_000_000_000n, WBTC: 10_000_000n, BONK: 40_000_000_000_000n, lamports: 50_000_000_000n + 50_000_000n };
const UPGRADEABLE_LOADER = 'BPFLoaderUpgradeab1e11111111111111111111111';
const discriminator = (kind: keyof typeof DISCRIMINATOR) => bs58.encode(new TextEncoder().encode(DISCRIMINATOR[kind]));

describe('Solana clients against /api/rpc of a built server', () => {
  let server: BuiltServer | undefined;
  let dataDir = '';
  let info: ChainInfo;
  let connection: Connection;
  let rpcUrl = '';
  const alice = Keypair.generate();
  const bob = Keypair.generate();
  let aliceKit: KeyPairSigner;
  let usdc: PublicKey;
  let programId: PublicKey;
  let position = '';

  const base = () => server?.url ?? '';

  /** Sends signed wire bytes with web3 and polls getSignatureStatuses (no WebSocket: see the header). */
  const sendAndPoll = async (wire: Uint8Array): Promise<string> => {
    const signature = await connection.sendRawTransaction(wire);
    await expect
      .poll(async () => (await connection.getSignatureStatuses([signature], { searchTransactionHistory: true })).value[0]?.confirmationStatus, { timeout: 20_000 })
      .toMatch(/^(confirmed|finalized)$/);
    return signature;
  };

  /** A @solana/spl-token TransferChecked of `amount` USDC from alice to bob, signed by alice (fee payer). */
  const transfer = async (amount: bigint): Promise<VersionedTransaction> => {
    const { blockhash } = await connection.getLatestBlockhash();
    const from = getAssociatedTokenAddressSync(usdc, alice.publicKey);
    const to = getAssociatedTokenAddressSync(usdc, bob.publicKey);
    const message = new TransactionMessage({
      payerKey: alice.publicKey,
      recentBlockhash: blockhash,
      instructions: [createTransferCheckedInstruction(from, usdc, to, alice.publicKey, amount, 6)],
    }).compileToV0Message();
    const tx = new VersionedTransaction(message);
    tx.sign([alice]);
    return tx;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'chain-rpc-clients-'));
    server = await startChainServer({ DATA_DIR: dataDir });
    info = await chainInfo(base());
    rpcUrl = `${base()}/api/rpc`;
    connection = new Connection(rpcUrl, 'confirmed');
    aliceKit = await createKeyPairSignerFromBytes(alice.secretKey);
    usdc = new PublicKey(info.mints.USDC);
    programId = new PublicKey(info.programId);
    for (const owner of [alice, bob]) {
      const drawn = await faucet(base(), owner.publicKey.toBase58());
      expect(drawn.status, JSON.stringify(drawn.body)).toBe(200);
    }
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('GET /api/chain names the local cluster, this RPC, the program, the mints, the oracles and the error table', () => {
    expect(info.cluster).toBe('local');
    expect(new URL(info.rpcUrl).pathname).toBe('/api/rpc');
    expect(Object.keys(info.mints).sort()).toEqual(['ALP', 'BONK', 'RWALP', 'SOL', 'USDC', 'WBTC']);
    expect(info.mints.SOL).toBe('So11111111111111111111111111111111111111112');
    expect(Object.keys(info.oracles)).toEqual(expect.arrayContaining(['SOL', 'BTC', 'BONK', 'USDC']));
    expect(info.errors).toEqual(expect.arrayContaining([{ code: 'ORACLE_STALE', number: expect.any(Number) }, { code: 'LEVERAGE_TOO_HIGH', number: expect.any(Number) }]));
  });

  it('web3 Connection: node methods, blockhash, fees, rent', async () => {
    expect(await connection.getVersion()).toMatchObject({ 'solana-core': expect.any(String) });
    const slot = await connection.getSlot();
    expect(slot).toBeGreaterThan(0);
    expect(await connection.getBlockHeight()).toBeGreaterThanOrEqual(slot);
    const latest = await connection.getLatestBlockhash();
    expect(bs58.decode(latest.blockhash)).toHaveLength(32);
    expect(latest.lastValidBlockHeight).toBeGreaterThan(slot);
    expect((await connection.isBlockhashValid(latest.blockhash)).value).toBe(true);
    const message = new TransactionMessage({ payerKey: alice.publicKey, recentBlockhash: latest.blockhash, instructions: [] }).compileToV0Message();
    expect((await connection.getFeeForMessage(message)).value).toBe(5000);
    expect(await connection.getMinimumBalanceForRentExemption(ACCOUNT_SIZE)).toBe(2_039_280);
  });

  it('web3 Connection: getBalance and getAccountInfo of a funded wallet, the program and a mint', async () => {
    expect(BigInt(await connection.getBalance(alice.publicKey))).toBe(FAUCET.lamports);
    expect(await connection.getAccountInfo(Keypair.generate().publicKey)).toBeNull();
    const program = await connection.getAccountInfo(programId);
    expect(program).toMatchObject({ executable: true });
    expect(program?.owner.toBase58()).toBe(UPGRADEABLE_LOADER);
    const mint = await connection.getAccountInfo(usdc);
    expect(mint?.owner.equals(TOKEN_PROGRAM_ID)).toBe(true);
    expect(mint?.data.length).toBe(82);
    expect((await getMint(connection, usdc)).decimals).toBe(6);
    const many = await connection.getMultipleAccountsInfo([usdc, Keypair.generate().publicKey]);
    expect(many[0]?.owner.equals(TOKEN_PROGRAM_ID)).toBe(true);
    expect(many[1]).toBeNull();
  });

  it('web3 Connection: getTokenAccountsByOwner by mint and by program, getTokenAccountBalance', async () => {
    const byMint = await connection.getTokenAccountsByOwner(alice.publicKey, { mint: usdc });
    const ata = getAssociatedTokenAddressSync(usdc, alice.publicKey);
    expect(byMint.value.map((v) => v.pubkey.toBase58())).toEqual([ata.toBase58()]);
    expect(byMint.value[0]?.account.data.length).toBe(ACCOUNT_SIZE);
    const byProgram = await connection.getTokenAccountsByOwner(alice.publicKey, { programId: TOKEN_PROGRAM_ID });
    const mints = byProgram.value.map((v) => new PublicKey(v.account.data.subarray(0, 32)).toBase58()).sort();
    expect(mints).toEqual([info.mints.USDC, info.mints.WBTC, info.mints.BONK].sort());
    expect((await connection.getTokenAccountBalance(ata)).value).toMatchObject({ amount: FAUCET.USDC.toString(), decimals: 6 });
    const parsed = await connection.getParsedTokenAccountsByOwner(alice.publicKey, { mint: new PublicKey(info.mints.WBTC) });
    const parsedInfo = (parsed.value[0]?.account.data as ParsedAccountData).parsed.info as { tokenAmount: { amount: string } };
    expect(parsedInfo.tokenAmount.amount).toBe(FAUCET.WBTC.toString());
  });

  it('web3 Connection: getProgramAccounts with dataSize and memcmp filters finds the markets', async () => {
    const markets = await connection.getProgramAccounts(programId, {
      filters: [{ dataSize: ACCOUNT_LEN.market }, { memcmp: { offset: 0, bytes: discriminator('market') } }],
    });
    expect(markets.length).toBeGreaterThanOrEqual(4);
    const oracles = new Set(Object.values(info.oracles));
    for (const m of markets) expect(oracles.has(decodeMarket(new Uint8Array(m.account.data)).oracle)).toBe(true);
    // Base64 memcmp bytes select the same accounts.
    const byBase64 = await connection.getProgramAccounts(programId, {
      filters: [{ memcmp: { offset: 0, bytes: Buffer.from(DISCRIMINATOR.market).toString('base64'), encoding: 'base64' } as never }],
    });
    expect(byBase64.map((m) => m.pubkey.toBase58()).sort()).toEqual(markets.map((m) => m.pubkey.toBase58()).sort());
    expect(await connection.getProgramAccounts(programId, { filters: [{ dataSize: 7 }] })).toEqual([]);
  });

  it('a plain SPL Token transfer built with @solana/spl-token: simulated, sent raw, polled, balances moved', async () => {
    const amount = 1_234_567n;
    const tx = await transfer(amount);
    const sim = await connection.simulateTransaction(tx, { sigVerify: true });
    expect(sim.value.err).toBeNull();
    expect(sim.value.unitsConsumed).toBeGreaterThan(0);
    expect(sim.value.logs).toContain(`Program ${TOKEN_PROGRAM_ID.toBase58()} success`);
    // Simulation changed nothing.
    expect((await getAccount(connection, getAssociatedTokenAddressSync(usdc, bob.publicKey))).amount).toBe(FAUCET.USDC);

    const signature = await sendAndPoll(tx.serialize());
    expect(signature).toBe(bs58.encode(tx.signatures[0] ?? new Uint8Array()));
    expect((await getAccount(connection, getAssociatedTokenAddressSync(usdc, alice.publicKey))).amount).toBe(FAUCET.USDC - amount);
    expect((await getAccount(connection, getAssociatedTokenAddressSync(usdc, bob.publicKey))).amount).toBe(FAUCET.USDC + amount);
    expect(BigInt(await connection.getBalance(alice.publicKey))).toBe(FAUCET.lamports - 5000n);

    const fetched = await connection.getTransaction(signature, { maxSupportedTransactionVersion: 0, commitment: 'confirmed' });
    expect(fetched?.meta?.err).toBeNull();
    expect(fetched?.meta?.fee).toBe(5000);
    const post = fetched?.meta?.postTokenBalances?.map((b) => [b.owner, b.mint, b.uiTokenAmount.amount]);
    expect(post).toEqual(
      expect.arrayContaining([
        [alice.publicKey.toBase58(), info.mints.USDC, (FAUCET.USDC - amount).toString()],
        [bob.publicKey.toBase58(), info.mints.USDC, (FAUCET.USDC + amount).toString()],
      ]),
    );
    const history = await connection.getSignaturesForAddress(bob.publicKey);
    expect(history.map((h) => h.signature)).not.toContain(signature); // bob's wallet is not in the transaction; his token account is
    const ataHistory = await connection.getSignaturesForAddress(getAssociatedTokenAddressSync(usdc, bob.publicKey));
    expect(ataHistory[0]).toMatchObject({ signature, err: null });

    // GET /api/accounts reads the same token accounts.
    const account = await getJson<{ balances: Record<string, string> }>(base(), `/api/accounts/${bob.publicKey.toBase58()}`);
    expect(account.body.balances.USDC).toBe((FAUCET.USDC + amount).toString());
  });

  it('web3 Connection: a transfer beyond the balance simulates to the Token program error and changes nothing', async () => {
    const before = (await getAccount(connection, getAssociatedTokenAddressSync(usdc, alice.publicKey))).amount;
    const tx = await transfer(before + 1n);
    const sim = await connection.simulateTransaction(tx);
    expect(sim.value.err).toEqual({ InstructionError: [0, { Custom: 1 }] });
    expect(sim.value.logs?.some((l) => /insufficient funds/i.test(l))).toBe(true);
    expect((await getAccount(connection, getAssociatedTokenAddressSync(usdc, alice.publicKey))).amount).toBe(before);
  });

  it('a refused send changes nothing: no fee, no status, no balance moved', async () => {
    const before = (await getAccount(connection, getAssociatedTokenAddressSync(usdc, alice.publicKey))).amount;
    const lamports = await connection.getBalance(alice.publicKey);
    const tx = await transfer(before + 1n);
    await expect(connection.sendRawTransaction(tx.serialize())).rejects.toBeInstanceOf(SendTransactionError);
    const [status] = await signatureStatuses(base(), [bs58.encode(tx.signatures[0] ?? new Uint8Array())]);
    expect(status).toBeNull();
    expect((await getAccount(connection, getAssociatedTokenAddressSync(usdc, alice.publicKey))).amount).toBe(before);
    expect(await connection.getBalance(alice.publicKey)).toBe(lamports);
  });

  it('web3 Connection: sendRawTransaction of a failing transfer is refused at preflight (-32002) with the simulation logs', async () => {
    const before = (await getAccount(connection, getAssociatedTokenAddressSync(usdc, alice.publicKey))).amount;
    const tx = await transfer(before + 1n);
    const refused = await connection.sendRawTransaction(tx.serialize()).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(SendTransactionError);
    expect((refused as SendTransactionError).message).toContain('custom program error: 0x1');
    expect((refused as SendTransactionError).logs?.some((l) => /insufficient funds/i.test(l))).toBe(true);
  });

  it('@solana/kit createSolanaRpc: sends a program transaction from /api/transactions and reads the position it made', async () => {
    const rpc = createSolanaRpc(rpcUrl);
    expect(await rpc.getHealth().send()).toBe('ok');
    const { value: latest } = await rpc.getLatestBlockhash().send();
    expect(typeof latest.blockhash).toBe('string');
    expect((await rpc.getBalance(address(alice.publicKey.toBase58())).send()).value).toBe(FAUCET.lamports - 5000n);

    const built = await buildTx(base(), 'openPosition', aliceKit.address, {
      market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: usd(50), leverageBps: '30000', acceptablePrice: '0',
    });
    expect(built.status, JSON.stringify(built.body)).toBe(200);
    const answer = built.body as TxAnswer;
    position = answer.accounts.position ?? '';
    expect(position).not.toBe('');
    const { signature, wire } = await signWire(aliceKit, answer.transaction);
    const sim = await rpc.simulateTransaction(wire as Base64EncodedWireTransaction, { encoding: 'base64', sigVerify: true }).send();
    expect(sim.value.err).toBeNull();
    expect(sim.value.unitsConsumed).toBeGreaterThan(0n);
    expect(sim.value.logs?.some((l) => l.startsWith(`Program ${info.programId} invoke`))).toBe(true);

    expect(await rpc.sendTransaction(wire as Base64EncodedWireTransaction, { encoding: 'base64' }).send()).toBe(signature);
    await confirm(base(), signature);
    const statuses = await rpc.getSignatureStatuses([signature as never]).send();
    expect(statuses.value[0]).toMatchObject({ err: null });
    const tx = await rpc.getTransaction(signature as never, { maxSupportedTransactionVersion: 0, encoding: 'json' }).send();
    expect(tx?.meta?.err).toBeNull();
    expect(tx?.meta?.logMessages?.some((l) => l.startsWith('Program data: '))).toBe(true); // the program's event

    const raw = await rpc.getAccountInfo(address(position), { encoding: 'base64' }).send();
    expect(raw.value?.owner).toBe(info.programId);
    const decoded = decodePosition(new Uint8Array(Buffer.from(raw.value?.data[0] ?? '', 'base64')));
    expect(decoded.owner).toBe(aliceKit.address);
    expect(decoded.state.side).toBe('short');
    expect(decoded.state.collateralAmount).toBe(50_000_000n);
    expect(decoded.state.sizeUsd).toBe(150_000_000n);

    // The owner's positions by memcmp (discriminator, owner at offset 8) and dataSize, through kit and web3.
    const filters = [
      { dataSize: BigInt(ACCOUNT_LEN.position) },
      { memcmp: { offset: 0n, bytes: discriminator('position'), encoding: 'base58' } },
      { memcmp: { offset: 8n, bytes: aliceKit.address, encoding: 'base58' } },
    ] as const;
    const mine = await rpc.getProgramAccounts(address(info.programId), { encoding: 'base64', filters: filters as never }).send();
    expect(mine.map((p) => p.pubkey)).toEqual([position]);
    const viaWeb3 = await connection.getProgramAccounts(programId, {
      filters: [{ dataSize: ACCOUNT_LEN.position }, { memcmp: { offset: 8, bytes: alice.publicKey.toBase58() } }],
    });
    expect(viaWeb3.map((p) => p.pubkey.toBase58())).toEqual([position]);
    const bobs = await connection.getProgramAccounts(programId, { filters: [{ dataSize: ACCOUNT_LEN.position }, { memcmp: { offset: 8, bytes: bob.publicKey.toBase58() } }] });
    expect(bobs).toEqual([]);

    const tokens = await rpc.getTokenAccountsByOwner(aliceKit.address, { mint: address(info.mints.USDC) }, { encoding: 'jsonParsed' }).send();
    expect(tokens.value[0]?.account.data.parsed.info.tokenAmount.amount).toBe((FAUCET.USDC - 1_234_567n - 50_000_000n).toString());
    const account = await getJson<{ positions: { id: string; sizeUsd: string }[] }>(base(), `/api/accounts/${aliceKit.address}`);
    expect(account.body.positions).toEqual([expect.objectContaining({ id: position, sizeUsd: '150000000' })]);
  });

  it('web3 signs and sends the close from /api/transactions: the position account is gone, the collateral paid back', async () => {
    const before = (await getAccount(connection, getAssociatedTokenAddressSync(usdc, alice.publicKey))).amount;
    const built = await buildTx(base(), 'closePosition', alice.publicKey.toBase58(), { positionId: position, acceptablePrice: '0' });
    expect(built.status, JSON.stringify(built.body)).toBe(200);
    const tx = VersionedTransaction.deserialize(Buffer.from((built.body as TxAnswer).transaction, 'base64'));
    expect(tx.message.staticAccountKeys[0]?.equals(alice.publicKey)).toBe(true); // fee payer = owner
    tx.sign([alice]);
    await sendAndPoll(tx.serialize());
    expect(await connection.getAccountInfo(new PublicKey(position))).toBeNull();
    const after = (await getAccount(connection, getAssociatedTokenAddressSync(usdc, alice.publicKey))).amount;
    expect(after).toBeGreaterThan(before);
    expect(after).toBeLessThan(before + 50_000_000n); // fees paid at an unchanged price
  });

  /** An open built at SOL $150 with no slippage allowed, signed after the price moved to $155. */
  const staleOpen = async (): Promise<VersionedTransaction> => {
    expect((await postJson(base(), '/api/dev/prices', { SOL: '1500000000000' })).status).toBe(200);
    const built = await buildTx(base(), 'openPosition', alice.publicKey.toBase58(), {
      market: 'SOL', side: 'long', collateralToken: 'USDC', collateralAmount: usd(50), leverageBps: '20000', acceptablePrice: '1500000000000',
    });
    expect(built.status, JSON.stringify(built.body)).toBe(200);
    expect((await postJson(base(), '/api/dev/prices', { SOL: '1550000000000' })).status).toBe(200);
    const tx = VersionedTransaction.deserialize(Buffer.from((built.body as TxAnswer).transaction, 'base64'));
    tx.sign([alice]);
    return tx;
  };
  const programError = (err: unknown) => {
    const number = (err as { InstructionError?: [number, { Custom?: number }] } | null)?.InstructionError?.[1]?.Custom;
    return { number, code: info.errors.find((e) => e.number === number)?.code };
  };

  it('a transaction the program refuses simulates to {InstructionError: [i, {Custom: N}]}, N from GET /api/chain, logs naming the code', async () => {
    const tx = await staleOpen();
    const sim = await connection.simulateTransaction(tx);
    const { number, code } = programError(sim.value.err);
    expect(number).toEqual(expect.any(Number));
    expect(code).toBeDefined();
    expect(sim.value.logs?.some((l) => l.includes(code ?? '?'))).toBe(true);
    await expect(connection.sendRawTransaction(tx.serialize())).rejects.toBeInstanceOf(SendTransactionError);
    expect(await connection.getProgramAccounts(programId, { filters: [{ dataSize: ACCOUNT_LEN.position }, { memcmp: { offset: 8, bytes: alice.publicKey.toBase58() } }] })).toEqual([]);
  });

  it('sending it fails at preflight with -32002: SendTransactionError names the custom error and carries the logs', async () => {
    const tx = await staleOpen();
    const { number, code } = programError((await connection.simulateTransaction(tx)).value.err);
    const refused = await connection.sendRawTransaction(tx.serialize()).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(SendTransactionError);
    expect((refused as SendTransactionError).message).toContain(`custom program error: 0x${(number ?? 0).toString(16)}`);
    expect((refused as SendTransactionError).logs?.some((l) => l.includes(code ?? '?'))).toBe(true);
  });

  it('web3 sendAndConfirmTransaction with a stock Connection confirms through PubSub on the port + 1', async () => {
    const to = Keypair.generate().publicKey;
    const before = BigInt(await connection.getBalance(alice.publicKey));
    const tx = new Transaction().add(SystemProgram.transfer({ fromPubkey: alice.publicKey, toPubkey: to, lamports: 1_000_000 }));
    const signature = await sendAndConfirmTransaction(connection, tx, [alice], { commitment: 'confirmed' });
    expect(await connection.getBalance(to)).toBe(1_000_000);
    expect(BigInt(await connection.getBalance(alice.publicKey))).toBe(before - 1_000_000n - 5000n);
    expect((await connection.getSignatureStatuses([signature])).value[0]?.err).toBeNull();
  });

  it('kit createSolanaRpcSubscriptions on ws://…/api/rpc (same port) notifies slots', async () => {
    const subscriptions = createSolanaRpcSubscriptions(rpcUrl.replace(/^http/, 'ws'));
    const abort = new AbortController();
    try {
      const slots = await subscriptions.slotNotifications().subscribe({ abortSignal: abort.signal });
      for await (const n of slots) {
        expect(n.slot).toBeGreaterThan(0n);
        break;
      }
    } finally {
      abort.abort();
    }
  });
});
