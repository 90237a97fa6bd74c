/**
 * Several app instances against one RPC on one PostgreSQL (chain.md § A real cluster; issue 14's "cluster mode on
 * loopback"): server A runs the local chain; B and C run with SOLANA_RPC_URL pointing at A's /api/rpc and the
 * deployment A's GET /api/chain names, their local chain off. All three answer the same deployment and the same
 * markets, and a transaction sent to A reaches B's and C's state by polling. Needs TEST_DATABASE_URL and a
 * production build (scripts/test-all.sh provides both).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, chainInfo, createPgDatabase, faucet, getJson, newWallet, TEST_DATABASE_URL, usd, type BuiltServer, type ChainInfo } from './chain/support';
import { startServer } from './support/built-server';

interface AccountBody {
  positions: { market: string; side: string }[];
}

describe.skipIf(!TEST_DATABASE_URL)('three instances against one RPC on one PostgreSQL', () => {
  let db: { url: string; drop: () => Promise<void> };
  let a: BuiltServer;
  let readers: BuiltServer[] = [];
  let info: ChainInfo;
  let rpcUrl: string;

  beforeAll(async () => {
    db = await createPgDatabase('cluster');
    a = await startServer({ DATABASE_URL: db.url, DEVNET: '1', ORACLE: 'manual', PGAPPNAME: 'local-chain' });
    info = await chainInfo(a.url);
    rpcUrl = `${a.url}/api/rpc`;
    const cluster = {
      DATABASE_URL: db.url,
      ORACLE: 'manual',
      SOLANA_RPC_URL: rpcUrl,
      PROGRAM_ID: info.programId,
      MINT_USDC: info.mints.USDC,
      MINT_WBTC: info.mints.WBTC,
      MINT_BONK: info.mints.BONK,
    };
    readers = await Promise.all([startServer({ ...cluster, PGAPPNAME: 'reader-b' }), startServer({ ...cluster, PGAPPNAME: 'reader-c' })]);
  }, 300_000);

  afterAll(async () => {
    await Promise.all([...readers, a].filter(Boolean).map((s) => s.stop()));
    await db?.drop();
  });

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

  // TODO(keeper): exactly one keeper leader among A, B and C (B and C with KEEPER_KEYPAIR), and failover to another
  // instance within seconds when the leader is SIGKILLed (keeperLeaseHolder in support/databases.ts).
  // TODO(indexer): exactly one indexer; the history on B and C equals A's, with no gap and no duplicate after the
  // indexing instance dies.
});
