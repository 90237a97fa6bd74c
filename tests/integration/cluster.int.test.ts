/**
 * Several app instances against one RPC on one PostgreSQL (chain.md § A real cluster; issue 14's "cluster mode on
 * loopback"): server A runs the local chain; B and C run with SOLANA_RPC_URL pointing at A's /api/rpc and the
 * deployment A's GET /api/chain names, their local chain off. All three answer the same deployment and the same
 * markets, and a transaction sent to A reaches B's and C's state by polling. B and C have keeper keys of their own
 * (KEEPER_KEYPAIR): one keeper leads among the three, a reader leading liquidates through A's RPC, and when the
 * leader is SIGKILLed another takes over; one indexer writes the history, and when the indexing instance dies the
 * next one resumes with no gap and no duplicate. Needs TEST_DATABASE_URL and a production build (scripts/test-all.sh
 * provides both).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KeyPairSigner } from '@solana/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INDEXER_LOCK_KEY } from '@/lib/indexer/leader';
import { CHAIN_KEEPER_LOCK_KEY } from '@/lib/keeper/leader';
import {
  act,
  buildTx,
  chainInfo,
  checkInvariants,
  confirm,
  createPgDatabase,
  faucet,
  getJson,
  newWallet,
  postJson,
  rpc,
  sendWire,
  signWire,
  TEST_DATABASE_URL,
  usd,
  type BuiltServer,
  type ChainInfo,
  type TxAnswer,
} from './chain/support';
import { keypairFile, leaseHolders, terminateLeaseHolder } from './chain/leases';
import { startServer } from './support/built-server';

interface HistoryRow {
  id: string;
  kind: string;
  signature?: string;
}

/** SOL in the price unit (1e10 per dollar). */
const solPrice = (dollars: number) => (BigInt(Math.round(dollars * 100)) * 100_000_000n).toString();

interface AccountBody {
  positions: { market: string; side: string }[];
  balances: Record<string, string>;
}

describe.skipIf(!TEST_DATABASE_URL)('three instances against one RPC on one PostgreSQL', () => {
  let db: { url: string; drop: () => Promise<void> };
  let a: BuiltServer;
  let readers: BuiltServer[] = [];
  let info: ChainInfo;
  let rpcUrl: string;
  const keysDir = mkdtempSync(path.join(tmpdir(), 'cluster-keys-'));
  const keeperKeys = { 'reader-b': keypairFile(keysDir, 'reader-b'), 'reader-c': keypairFile(keysDir, 'reader-c') };
  const byName = (name: string) => [a, ...readers][['local-chain', 'reader-b', 'reader-c'].indexOf(name)];

  beforeAll(async () => {
    db = await createPgDatabase('cluster');
    a = await startServer({ DATABASE_URL: db.url, DEVNET: '1', ORACLE: 'manual', PGAPPNAME: 'local-chain' });
    info = await chainInfo(a.url);
    rpcUrl = `${a.url}/api/rpc`;
    for (const k of Object.values(keeperKeys)) await rpc(a.url, 'requestAirdrop', [k.address, 10_000_000_000]);
    const cluster = {
      DATABASE_URL: db.url,
      ORACLE: 'manual',
      SOLANA_RPC_URL: rpcUrl,
      PROGRAM_ID: info.programId,
      MINT_USDC: info.mints.USDC,
      MINT_WBTC: info.mints.WBTC,
      MINT_BONK: info.mints.BONK,
    };
    readers = await Promise.all(
      (['reader-b', 'reader-c'] as const).map((name) => startServer({ ...cluster, PGAPPNAME: name, KEEPER_KEYPAIR: keeperKeys[name].file })),
    );
  }, 300_000);

  afterAll(async () => {
    await Promise.all([...readers, a].filter(Boolean).map((s) => s.stop()));
    await db?.drop();
    rmSync(keysDir, { recursive: true, force: true });
  });

  const holderOf = async (key: number): Promise<string | undefined> => {
    let holders: string[] = [];
    await vi.waitFor(async () => {
      holders = await leaseHolders(db.url, key);
      expect(holders).toHaveLength(1);
    }, { timeout: 30_000, interval: 200 });
    return holders[0];
  };

  /** Ends the holder's lock session until one of `names` (alive) holds `key`: the others' retries race for it. */
  const moveLease = async (key: number, names: string[]): Promise<string> => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const holder = await holderOf(key);
      if (holder && names.includes(holder)) return holder;
      await terminateLeaseHolder(db.url, key);
      await vi.waitFor(async () => expect(await leaseHolders(db.url, key)).not.toEqual([holder]), { timeout: 30_000, interval: 200 });
    }
    throw new Error(`the lease ${key} never went to ${names.join(' or ')}`);
  };

  const historyOf = async (server: BuiltServer, owner: string): Promise<HistoryRow[]> => {
    const h = await getJson<HistoryRow[]>(server.url, `/api/history/${owner}`);
    expect(h.status).toBe(200);
    return h.body;
  };

  /** A 100x SOL short opened at `priceUsd` through A, then SOL moved up 2%: liquidatable. The liquidation's fee payer. */
  const liquidatedShort = async (priceUsd: number): Promise<string> => {
    expect((await postJson(a.url, '/api/dev/prices', { SOL: solPrice(priceUsd) })).status).toBe(200);
    const wallet = await newWallet();
    expect((await faucet(a.url, wallet.address)).status).toBe(200);
    await act(a.url, wallet, 'openPosition', { market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: usd(100), leverageBps: '1000000', acceptablePrice: '0' });
    expect((await postJson(a.url, '/api/dev/prices', { SOL: solPrice(priceUsd * 1.02) })).status).toBe(200);
    let signature = '';
    await vi.waitFor(async () => {
      const row = (await historyOf(a, wallet.address)).find((r) => r.kind === 'liquidated');
      expect(row?.signature).toBeTruthy();
      signature = row!.signature!;
    }, { timeout: 30_000, interval: 250 });
    const tx = await rpc<{ transaction: { message: { accountKeys: string[] } } }>(a.url, 'getTransaction', [signature, { encoding: 'json', commitment: 'confirmed', maxSupportedTransactionVersion: 0 }]);
    return tx.transaction.message.accountKeys[0]!;
  };

  it('B and C run against A’s RPC: the local chain off, the same deployment in GET /api/chain', async () => {
    for (const r of readers) {
      expect(r.logs()).toContain(`[chain] cluster custom at ${rpcUrl}`);
      expect(r.logs()).not.toContain('local chain ready');
      const theirs = await chainInfo(r.url);
      expect(theirs).toMatchObject({ cluster: 'custom', rpcUrl, programId: info.programId, mints: info.mints, oracles: info.oracles, errors: info.errors });
    }
    expect(info.cluster).toBe('local');
  });

  it('the three answer the same /api/markets', async () => {
    // Prices are republished every second; the three agree once their reads are of the same slot.
    await vi.waitFor(async () => {
      const answers = await Promise.all([a, ...readers].map((s) => getJson<unknown[]>(s.url, '/api/markets')));
      for (const x of answers) expect(x.status).toBe(200);
      expect(answers[1]!.body).toEqual(answers[0]!.body);
      expect(answers[2]!.body).toEqual(answers[0]!.body);
    }, { timeout: 20_000, interval: 100 });
  });

  it('a position opened through A shows on B and C after their poll', async () => {
    const wallet = await newWallet();
    expect((await faucet(a.url, wallet.address)).status).toBe(200);
    await act(a.url, wallet, 'openPosition', { market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: usd(100), leverageBps: '20000', acceptablePrice: '0' });
    for (const r of readers) {
      await vi.waitFor(async () => {
        const account = await getJson<AccountBody>(r.url, `/api/accounts/${wallet.address}`);
        expect(account.status).toBe(200);
        expect(account.body.positions.map((p) => `${p.market} ${p.side}`)).toEqual(['SOL short']);
      }, { timeout: 10_000, interval: 200 });
    }
  });

  it('the same position closed through A and through B at once pays once, and the chain stays conserved', async () => {
    const wallet = await newWallet();
    expect((await faucet(a.url, wallet.address)).status).toBe(200);
    const opened = await act(a.url, wallet, 'openPosition', { market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: usd(100), leverageBps: '20000', acceptablePrice: '0' });
    const b = readers[0]!;
    await vi.waitFor(async () => expect((await getJson<AccountBody>(b.url, `/api/accounts/${wallet.address}`)).body.positions).toHaveLength(1), { timeout: 10_000, interval: 200 });
    const usdcOf = async () => BigInt((await getJson<AccountBody>(a.url, `/api/accounts/${wallet.address}`)).body.balances.USDC ?? '0');
    const before = await usdcOf();

    const params = { positionId: opened.accounts.position, fractionBps: '10000', acceptablePrice: '0' };
    const built = await Promise.all([a, b].map((s) => buildTx(s.url, 'closePosition', wallet.address, params)));
    for (const x of built) expect(x.status, JSON.stringify(x.body)).toBe(200);
    const signed = await Promise.all(built.map((x) => signWire(wallet, (x.body as TxAnswer).transaction)));
    const outcomes = await Promise.all(
      signed.map(async (t) => {
        try {
          await sendWire(a.url, t.wire);
          return (await confirm(a.url, t.signature)).err === null ? 'confirmed' : 'failed';
        } catch {
          return 'refused';
        }
      }),
    );
    // Two different transactions: one lands, the other is refused (the position is gone). The same bytes twice
    // (both built on one blockhash): one transaction, processed once.
    const landed = new Set(signed.filter((_, i) => outcomes[i] === 'confirmed').map((t) => t.signature));
    expect(landed.size, JSON.stringify(outcomes)).toBe(1);
    expect(await rpc(a.url, 'getAccountInfo', [opened.accounts.position, { encoding: 'base64' }])).toMatchObject({ value: null });
    const paid = (await usdcOf()) - before;
    expect(paid > 90_000_000n && paid <= 100_000_000n, `paid ${paid}`).toBe(true);
    await vi.waitFor(async () => expect((await historyOf(a, wallet.address)).filter((r) => r.kind === 'closed')).toHaveLength(1), { timeout: 30_000, interval: 250 });
    const check = await checkInvariants(a.url);
    expect(check.code, check.output).toBe(0);
  });

  it('one keeper leads; a reader leading liquidates through A’s RPC; SIGKILLed, another takes over', async () => {
    const leader = await moveLease(CHAIN_KEEPER_LOCK_KEY, ['reader-b', 'reader-c']);
    const leaderKey = keeperKeys[leader as keyof typeof keeperKeys].address;
    await vi.waitFor(() => expect(byName(leader)!.logs()).toContain('[keeper] leading'), { timeout: 30_000, interval: 200 });
    expect(await liquidatedShort(150)).toBe(leaderKey);

    await byName(leader)!.kill();
    const next = await holderOf(CHAIN_KEEPER_LOCK_KEY);
    expect(next).not.toBe(leader);
    const payer = await liquidatedShort(160);
    expect(payer).not.toBe(leaderKey);
    if (next !== 'local-chain') expect(payer).toBe(keeperKeys[next as keyof typeof keeperKeys].address);
  });

  it('one indexer; when the indexing reader dies the next resumes with no gap and no duplicate', async () => {
    const alive = ['reader-b', 'reader-c'].filter((n) => !byName(n)!.exited());
    const indexer = await moveLease(INDEXER_LOCK_KEY, alive);
    const reader = byName(indexer)!;
    await expect.poll(async () => leaseHolders(db.url, INDEXER_LOCK_KEY)).toEqual([indexer]);
    const wallet: KeyPairSigner = await newWallet();
    expect((await faucet(a.url, wallet.address)).status).toBe(200);
    const sent: string[] = [];
    const opened = await act(a.url, wallet, 'openPosition', { market: 'SOL', side: 'long', collateralToken: 'USDC', collateralAmount: usd(50), leverageBps: '20000', acceptablePrice: (10n ** 17n).toString() });
    sent.push(opened.signature);
    sent.push((await act(a.url, wallet, 'addLiquidity', { pool: 'ALP', token: 'USDC', amount: usd(100), minLpOut: '0' })).signature);
    await vi.waitFor(async () => {
      const mine = (await historyOf(a, wallet.address)).map((r) => r.signature);
      for (const s of sent) expect(mine).toContain(s);
    }, { timeout: 30_000, interval: 250 });
    expect(await historyOf(reader, wallet.address)).toEqual(await historyOf(a, wallet.address));

    await reader.kill();
    sent.push((await act(a.url, wallet, 'closePosition', { positionId: opened.accounts.position, fractionBps: '10000', acceptablePrice: '0' })).signature);
    sent.push((await act(a.url, wallet, 'removeLiquidity', { pool: 'ALP', token: 'USDC', lpAmount: usd(10), minAmountOut: '0' })).signature);
    expect(await holderOf(INDEXER_LOCK_KEY)).not.toBe(indexer);
    await vi.waitFor(async () => {
      const mine = (await historyOf(a, wallet.address)).map((r) => r.signature);
      for (const s of sent) expect(mine).toContain(s);
    }, { timeout: 30_000, interval: 250 });
    const rows = await historyOf(a, wallet.address);
    const program = rows.filter((r) => r.kind !== 'faucet');
    expect(program.map((r) => r.signature).sort()).toEqual([...sent].sort());
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });
});
