/**
 * A Pyth deployment on loopback: `deploy:program --oracle pyth` initialises markets and custodies on Pyth's
 * sponsored feed accounts; PriceUpdateV2 accounts (owned by the Pyth receiver) are written into the chain as Pyth
 * would post them; the cluster runtime with ORACLE_ACCOUNTS reads them as the program does (Full verification, the
 * feed id, exponent scaling), refuses what the program refuses (partial verification reads as no price), and an
 * open at those prices lands and reaches the state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address } from '@solana/kit';
import { FEED_IDS, type FeedId } from '@/lib/math/ids';
import { GENESIS } from '@/lib/math/params';
import { ORACLE_PYTH } from '@/lib/chain/accounts';
import type { ChainAddresses } from '@/lib/chain/addresses';
import { FEED_ID_BYTES } from '@/lib/chain/feeds';
import { PYTH_RECEIVER } from '@/lib/chain/program-ids';
import { positionAddress } from '@/lib/chain/pda';
import { sideByte } from '@/lib/chain/accounts/position';
import { openPositionInstruction } from '@/lib/chain/instructions';
import { encodePriceUpdateV2, type PythPrice } from '@/lib/chain/testing/pyth';
import { sendInstructions } from '@/lib/deployment/chain-client';
import { pythPriceFeedAccounts } from '@/lib/deployment/pyth-accounts';
import { formatAddressList } from '@/lib/config/address-list';
import { loadConfig } from '@/lib/config/env';
import { startClusterRuntime } from '@/lib/chain-runtime/cluster';
import type { ChainRuntime } from '@/lib/chain-runtime/runtime';
import { deployLocalOracle, fundTrader, startLoopbackCluster, type LoopbackCluster } from './support';

/** GENESIS prices (10 decimals) as Pyth posts them: 8 decimals (exponent −8). */
const pythPrice = (feed: FeedId, publishTime: number, verification: PythPrice['verification'] = 'full'): PythPrice => ({
  feedId: FEED_ID_BYTES[feed],
  price: GENESIS.prices[feed] / 100n,
  exponent: -8,
  publishTime: BigInt(publishTime),
  verification,
});

describe('a Pyth deployment read by the cluster runtime', () => {
  let c: LoopbackCluster;
  let a: ChainAddresses;
  let env: [string, string][];
  let runtime: ChainRuntime;

  const post = async (address: Address, p: PythPrice) => {
    const data = encodePriceUpdateV2(p);
    await c.chain.setAccount(address, { lamports: c.chain.minimumBalanceForRentExemption(BigInt(data.length)), owner: PYTH_RECEIVER, executable: false, rentEpoch: 0n, data });
  };

  beforeAll(async () => {
    c = await startLoopbackCluster();
    const deployed = await deployLocalOracle(c, { oracle: 'pyth' });
    ({ addresses: a, env } = deployed);
    for (const feed of FEED_IDS) await post(a.oracles[feed], pythPrice(feed, c.clock.now()));
    const config = loadConfig(Object.fromEntries(env));
    runtime = await startClusterRuntime(config.cluster!, { maxPriceAgeS: 30, fixedEveryMs: 100, dynamicEveryMs: 250 });
  }, 180_000);
  afterAll(async () => {
    await runtime?.stop();
    await c?.close();
  });

  it("initialises on Pyth's sponsored feed accounts and prints them as ORACLE_ACCOUNTS", async () => {
    const sponsored = await pythPriceFeedAccounts();
    expect(a.oracles).toEqual(sponsored);
    expect(env.at(-1)).toEqual(['ORACLE_ACCOUNTS', formatAddressList(FEED_IDS, sponsored)]);
    expect(runtime.state.config?.oracleKind).toBe(ORACLE_PYTH);
  });

  it('reads PriceUpdateV2 as the program: scaled to 10 decimals, fresh', () => {
    const s = runtime.snapshot();
    for (const feed of FEED_IDS) expect(s.feedQuote(feed)).toMatchObject({ price: GENESIS.prices[feed], publishTime: c.clock.now(), stale: false });
  });

  it('a partially verified update reads as no price (the program refuses it), a full one again as the price', async () => {
    await post(a.oracles.XAG, pythPrice('XAG', c.clock.now(), { partial: 5 }));
    await expect.poll(() => runtime.snapshot().feedQuote('XAG')).toMatchObject({ price: 0n, stale: true });
    await post(a.oracles.XAG, pythPrice('XAG', c.clock.now()));
    await expect.poll(() => runtime.snapshot().feedQuote('XAG').price).toBe(GENESIS.prices.XAG);
  });

  it('an open at the Pyth price lands and reaches the state', async () => {
    const trader = await fundTrader(c, runtime.client, a, 'USDC', 1_000_000_000n);
    const position = await positionAddress(a.programId, trader.signer.address, a.markets.BTC, sideByte('short'));
    await sendInstructions(runtime.client, [openPositionInstruction({ addresses: a, owner: trader.signer.address, market: 'BTC', side: 'short', position, postedToken: 'USDC', amount: 200_000_000n, leverageBps: 50_000n, funding: trader.ata })], [trader.signer]);
    await expect.poll(() => runtime.state.positions.get(position)?.owner).toBe(trader.signer.address);
  });
});
