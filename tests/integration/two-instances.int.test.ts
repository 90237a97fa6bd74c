/**
 * Two `next start` instances on one PostgreSQL database: 200 concurrent mixed actions from 20 wallets spread
 * over both, then every token is conserved (wallets + pool custodies + position collateral + order escrow =
 * genesis + faucet), LP supply equals LP balances, the same position closed on both instances at once pays once,
 * and no request ever got a 5xx. Needs TEST_DATABASE_URL (scripts/test-all.sh sets it when PostgreSQL answers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'pg';
import { newSigner, type Signer } from '@/lib/auth/sign-intent';
import type { AccountWire, PoolWire, PositionWire } from '@/lib/client/wire';
import { TOKEN_IDS, type TokenId } from '@/lib/math/ids';
import { GENESIS } from '@/lib/math/params';
import { actOn, getJson, requireBuild, startNextServer, type HttpAnswer, type NextServer } from './api-servers';

const url = process.env.TEST_DATABASE_URL;
const usdc = (dollars: number) => (BigInt(dollars) * 1_000_000n).toString();
const FAUCET_USDC = 10_000;
/** A price no mark will reach ($10M in 1e10 units): "any price" for a long's open or a short's close. */
const ANY_HIGH_PRICE = (10n ** 17n).toString();

describe.skipIf(!url)('two instances on one PostgreSQL', () => {
  const dbName = `perps_int_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  let dbUrl = '';
  let servers: NextServer[] = [];
  const wallets: Signer[] = Array.from({ length: 20 }, () => newSigner());
  const statuses: number[] = [];

  const admin = async <T>(fn: (c: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    requireBuild();
    await admin((c) => c.query(`CREATE DATABASE ${dbName}`));
    const u = new URL(url ?? '');
    u.pathname = `/${dbName}`;
    dbUrl = u.toString();
    const env = { DATABASE_URL: dbUrl, DEVNET: '1', ORACLE: 'manual' };
    // Both start at once: migrations and genesis must be safe under a race.
    servers = await Promise.all([startNextServer(env), startNextServer(env)]);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
  });

  const on = (i: number) => servers[i % 2]?.url ?? '';
  const record = <T>(a: HttpAnswer<T>) => {
    statuses.push(a.status);
    return a;
  };

  async function accountOf(owner: string): Promise<AccountWire> {
    const a = await getJson<AccountWire>(on(0), `/api/accounts/${owner}`);
    expect(a.status).toBe(200);
    return a.body;
  }

  it('runs 200 concurrent mixed actions with no 5xx', async () => {
    const funded = await Promise.all(wallets.map((w, i) => actOn(on(i), w, 'faucet', { token: 'USDC', amount: usdc(FAUCET_USDC) }).then(record)));
    expect(funded.map((a) => a.status)).toEqual(wallets.map(() => 200));

    const mixed = Array.from({ length: 200 }, (_, i) => {
      // Every wallet gets every kind of action twice, spread over both instances.
      const w = wallets[i % wallets.length] as Signer;
      switch (Math.floor(i / wallets.length) % 5) {
        case 0:
          return actOn(on(i), w, 'openPosition', { market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: usdc(100), leverageBps: '100000', acceptablePrice: '0' });
        case 1:
          return actOn(on(i), w, 'openPosition', { market: 'SOL', side: 'long', collateralToken: 'USDC', collateralAmount: usdc(50), leverageBps: '50000', acceptablePrice: ANY_HIGH_PRICE });
        case 2:
          return actOn(on(i), w, 'addLiquidity', { pool: 'ALP', token: 'USDC', amount: usdc(200), minLpOut: '0' });
        case 3:
          return actOn(on(i), w, 'swap', { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'SOL', amountIn: usdc(100), minAmountOut: '0' });
        default:
          return actOn(on(i), w, 'placeLimitOrder', { market: 'BTC', side: 'short', collateralToken: 'USDC', collateralAmount: usdc(100), leverageBps: '20000', acceptablePrice: '0', triggerPrice: ANY_HIGH_PRICE });
      }
    });
    const answers = (await Promise.all(mixed)).map(record);
    const failures = answers.filter((a) => a.status !== 200).map((a) => `${a.status} ${JSON.stringify(a.body)}`);
    expect(failures).toEqual([]);
  });

  it('pays once when the same position is closed on both instances at once', async () => {
    const alice = wallets[0] as Signer;
    const before = await accountOf(alice.owner);
    const position = before.positions.find((p) => p.side === 'short') as PositionWire;
    expect(position).toBeDefined();
    const params = { positionId: position.id, acceptablePrice: ANY_HIGH_PRICE };
    const answers = (await Promise.all([actOn<{ payoutAmount: string }>(on(0), alice, 'closePosition', params), actOn<{ payoutAmount: string }>(on(1), alice, 'closePosition', params)])).map(record);
    const paid = answers.filter((a) => a.status === 200);
    expect(paid).toHaveLength(1);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 404]);
    const after = await accountOf(alice.owner);
    expect(BigInt(after.balances.USDC)).toBe(BigInt(before.balances.USDC) + BigInt(paid[0]?.body.payoutAmount ?? 'x'));
  });

  it('conserves every token and the LP supply, and never answered a 5xx', async () => {
    const accounts = await Promise.all(wallets.map((w) => accountOf(w.owner)));
    const poolsAnswer = await getJson<PoolWire[]>(on(1), '/api/pools');
    expect(poolsAnswer.status).toBe(200);
    const total = Object.fromEntries(TOKEN_IDS.map((t) => [t, 0n])) as Record<TokenId, bigint>;
    for (const pool of poolsAnswer.body) for (const c of pool.custodies) total[c.token] += BigInt(c.owned);
    for (const a of accounts) {
      for (const t of TOKEN_IDS) total[t] += BigInt(a.balances[t]);
      for (const p of a.positions) total[p.collateralToken] += BigInt(p.collateralAmount);
      for (const o of a.orders) total[o.collateralToken] += BigInt(o.collateralAmount);
    }
    const expected = Object.fromEntries(TOKEN_IDS.map((t) => [t, 0n])) as Record<TokenId, bigint>;
    for (const pool of Object.values(GENESIS.pools)) {
      for (const [t, amount] of Object.entries(pool.custodies) as [TokenId, bigint][]) expected[t] += amount;
    }
    expected.USDC += BigInt(wallets.length) * BigInt(usdc(FAUCET_USDC));
    expect(total).toEqual(expected);

    for (const pool of poolsAnswer.body) {
      const held = accounts.reduce<bigint>((sum, a) => sum + BigInt(a.lp[pool.id]), GENESIS.pools[pool.id].lpSupply);
      expect(held).toBe(BigInt(pool.lpSupply));
    }
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
  });
});
