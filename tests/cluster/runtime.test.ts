/**
 * The cluster runtime against a "real cluster" on loopback (a LocalChain served by startRpcServer, the program
 * deployed by the deploy script's functions): the state decodes from RPC reads alone; an open and a close sent
 * through the runtime's own client reach the state at the next poll (or at once over programSubscribe); the clock
 * is the Clock sysvar's; a configuration that does not match the chain refuses to start, naming the variable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address } from '@solana/kit';
import { FEED_IDS, MARKET_IDS, POOL_IDS } from '@/lib/math/ids';
import { GENESIS, POOLS } from '@/lib/math/params';
import { ConfigError, loadConfig, type ClusterConfig } from '@/lib/config/env';
import { custodyOf, type ChainAddresses } from '@/lib/chain/addresses';
import { ORACLE_LOCAL } from '@/lib/chain/accounts';
import { positionAddress } from '@/lib/chain/pda';
import { sideByte } from '@/lib/chain/accounts/position';
import { closePositionInstruction, openPositionInstruction } from '@/lib/chain/instructions';
import { sendInstructions } from '@/lib/deployment/chain-client';
import { startClusterRuntime } from '@/lib/chain-runtime/cluster';
import type { ChainRuntime } from '@/lib/chain-runtime/runtime';
import type { StateChange } from '@/lib/chain-runtime/chain-state';
import { chainMarkets } from '@/lib/chain-runtime/reads';
import { startChain } from '@/lib/server/chain';
import { DevClock } from '@/lib/server/dev-clock';
import { ManualOracle } from '@/lib/oracle/manual-oracle';
import { deployLocalOracle, fundTrader, keypairFile, publishGenesisPrices, startLoopbackCluster, type LoopbackCluster } from './support';

const FAST = { maxPriceAgeS: 30, fixedEveryMs: 100, dynamicEveryMs: 250 };

describe('startClusterRuntime on a loopback RPC', () => {
  let c: LoopbackCluster;
  let a: ChainAddresses;
  let config: ClusterConfig;
  let runtime: ChainRuntime;
  const changes: StateChange[] = [];

  beforeAll(async () => {
    c = await startLoopbackCluster();
    a = (await deployLocalOracle(c)).addresses;
    const keeper = await keypairFile(c.dir, 'keeper');
    config = {
      rpcUrl: c.server.url,
      wsUrl: undefined,
      publicRpcUrl: 'https://rpc.example',
      programId: a.programId,
      mints: { USDC: a.mints.USDC, WBTC: a.mints.WBTC, BONK: a.mints.BONK },
      oracleAccounts: undefined,
      keeperKeypair: keeper.path,
      oracleAuthorityKeypair: undefined,
    };
    runtime = await startClusterRuntime(config, FAST);
    runtime.state.onChange((cs) => changes.push(...cs));
  }, 180_000);
  afterAll(async () => {
    await runtime?.stop();
    await c?.close();
  });

  it('decodes the whole deployment from RPC reads, with the Clock sysvar for time', () => {
    expect(runtime).toMatchObject({ mode: 'cluster', cluster: 'custom', rpcUrl: 'https://rpc.example', local: undefined, keeperEnabled: true });
    expect(runtime.addresses).toEqual(a);
    const s = runtime.state;
    expect(s.config).toMatchObject({ admin: c.admin.signer.address, oracleKind: ORACLE_LOCAL });
    for (const pool of POOL_IDS) {
      expect(s.pools.has(a.pools[pool])).toBe(true);
      expect(s.lpSupply.get(pool)).toBe(GENESIS.pools[pool].lpSupply);
      for (const token of POOLS[pool].custodies) expect(s.custodies.get(custodyOf(a, pool, token))?.owned).toBe(GENESIS.pools[pool].custodies[token]);
    }
    expect(MARKET_IDS.every((m) => s.markets.has(a.markets[m]))).toBe(true);
    expect(s.prices.size).toBe(FEED_IDS.length);
    expect(runtime.nowS()).toBe(c.clock.now());
    expect(runtime.slot()).toBeGreaterThan(0n);
  });

  it('follows prices and the clock at the next poll', async () => {
    c.clock.advance(5);
    await publishGenesisPrices(runtime.client, a, c.admin.signer, c.clock.now());
    await expect.poll(() => runtime.snapshot().marketQuote('SOL')).toMatchObject({ price: GENESIS.prices.SOL, publishTime: c.clock.now(), stale: false });
    // The clock moves with the next slot (a slot's Clock is stamped when it starts).
    await expect.poll(() => runtime.nowS()).toBe(c.clock.now());
    const markets = await chainMarkets(runtime, c.db.sql);
    expect(markets.find((m) => m.id === 'SOL')?.price).toBe(GENESIS.prices.SOL);
  });

  it('an open sent through its client appears after a poll, announced once; a close removes it', async () => {
    const trader = await fundTrader(c, runtime.client, a, 'USDC', 1_000_000_000n);
    const position = await positionAddress(a.programId, trader.signer.address, a.markets.SOL, sideByte('short'));
    const ref = { addresses: a, owner: trader.signer.address, market: 'SOL' as const, side: 'short' as const, position };
    changes.length = 0;
    await sendInstructions(runtime.client, [openPositionInstruction({ ...ref, postedToken: 'USDC', amount: 100_000_000n, leverageBps: 20_000n, funding: trader.ata })], [trader.signer]);
    await expect.poll(() => runtime.state.positions.get(position)?.owner).toBe(trader.signer.address);
    expect(runtime.state.ownedBy(trader.signer.address).positionAddresses).toEqual([position]);
    // Polls repeat; the state announces the change once.
    await new Promise((r) => setTimeout(r, 600));
    expect(changes.filter((ch) => ch.kind === 'position' && ch.address === position)).toHaveLength(1);

    await sendInstructions(runtime.client, [closePositionInstruction({ ...ref, fractionBps: 10_000n, receiver: trader.ata })], [trader.signer]);
    await expect.poll(() => runtime.state.positions.has(position)).toBe(false);
    expect(changes.filter((ch) => ch.kind === 'position' && ch.address === position).map((ch) => (ch.kind === 'position' && ch.position ? 'open' : 'closed'))).toEqual(['open', 'closed']);
  });

  it('with a PubSub URL, programSubscribe brings an open before any positions poll', async () => {
    const subscribed = await startClusterRuntime({ ...config, wsUrl: c.server.wsUrl }, { ...FAST, dynamicEveryMs: 600_000 });
    try {
      await new Promise((r) => setTimeout(r, 300));
      const trader = await fundTrader(c, runtime.client, a, 'USDC', 1_000_000_000n);
      const position = await positionAddress(a.programId, trader.signer.address, a.markets.SOL, sideByte('short'));
      await sendInstructions(runtime.client, [openPositionInstruction({ addresses: a, owner: trader.signer.address, market: 'SOL', side: 'short', position, postedToken: 'USDC', amount: 50_000_000n, leverageBps: 30_000n, funding: trader.ata })], [trader.signer]);
      await expect.poll(() => subscribed.state.positions.get(position)?.owner, { timeout: 3_000 }).toBe(trader.signer.address);
    } finally {
      await subscribed.stop();
    }
  });

  it.each([
    ['a mint the program was not initialised with', (k: ClusterConfig): ClusterConfig => ({ ...k, mints: { ...k.mints, USDC: k.mints.BONK } }), /MINT_USDC \w+ is not the mint the program was initialised with/],
    ['a program id with nothing deployed', (k: ClusterConfig): ClusterConfig => ({ ...k, programId: k.mints.USDC }), /PROGRAM_ID \w+ has no initialised config account/],
    ['price accounts the program does not read', (k: ClusterConfig): ClusterConfig => ({ ...k, oracleAccounts: Object.fromEntries(FEED_IDS.map((f) => [f, k.mints.USDC])) as Record<(typeof FEED_IDS)[number], Address> }), /ORACLE_ACCOUNTS names SOL, BTC, BONK, XAU, XAG, WTI price accounts the program does not read: set ORACLE_ACCOUNTS=SOL=/],
  ])('refuses to start on %s', async (_what, change, message) => {
    const refused = startClusterRuntime(change(config), FAST);
    await expect(refused).rejects.toBeInstanceOf(ConfigError);
    await expect(refused).rejects.toThrow(message);
  });

  it('refuses an oracle authority keypair that is not the program’s', async () => {
    const other = await keypairFile(c.dir, 'not-the-authority');
    await expect(startClusterRuntime({ ...config, oracleAuthorityKeypair: other.path }, FAST)).rejects.toThrow(
      `ORACLE_AUTHORITY_KEYPAIR holds ${other.signer.address}, but the program's oracle authority is ${c.admin.signer.address}`,
    );
  });

  it('startChain runs the cluster from the environment, and publishes prices with ORACLE_AUTHORITY_KEYPAIR', async () => {
    const env = {
      SOLANA_RPC_URL: c.server.url,
      PROGRAM_ID: a.programId,
      MINT_USDC: a.mints.USDC,
      MINT_WBTC: a.mints.WBTC,
      MINT_BONK: a.mints.BONK,
      ORACLE_AUTHORITY_KEYPAIR: c.admin.path,
    };
    const server = loadConfig(env);
    expect(server.devnet).toBe(false);
    const started = await startChain(server, c.db, new DevClock());
    expect(started?.runtime).toMatchObject({ mode: 'cluster', rpcUrl: c.server.url, keeperEnabled: false });
    const oracle = new ManualOracle({ SOL: 1_234_500_000_000n }, c.clock.now());
    const writer = started!.startPriceWriter(oracle);
    try {
      expect(writer).toBeDefined();
      await expect.poll(() => started!.runtime.state.prices.get(a.oracles.SOL)?.price, { timeout: 5_000 }).toBe(1_234_500_000_000n);
    } finally {
      await writer?.stop();
      await started?.runtime.stop();
    }
  });
});
