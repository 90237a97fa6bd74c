/**
 * Conservation (fast-check): after any sequence of actions, price moves, clock jumps and keeper passes, every
 * token's total over wallets + custodies' owned + open collateral + escrowed orders equals genesis plus what the
 * faucet gave; each custody's `collateral` and `locked` equal the sums over its positions; the aggregates'
 * sizes equal the positions'.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS } from '@/lib/math/params';
import { TOKEN_IDS } from '@/lib/math/ids';
import { big } from '@/lib/db/rows';
import { Keeper } from './keeper';
import { createTestWorld, tokenTotals, type Backend, type TestWorld } from './test-support';

const OWNERS = ['a', 'b', 'c'] as const;
const owner = fc.constantFrom(...OWNERS);
const frac = fc.integer({ min: 1, max: 100 }).map(BigInt);

const step = fc.oneof(
  fc.record({ t: fc.constant('faucet' as const), owner, token: fc.constantFrom(...TOKEN_IDS), pct: frac }),
  fc.record({
    t: fc.constant('open' as const),
    owner,
    market: fc.constantFrom('SOL', 'BTC', 'BONK', 'XAU'),
    side: fc.constantFrom('long', 'short'),
    usdc: fc.boolean(),
    pct: frac,
    lev: fc.integer({ min: 11_000, max: 600_000 }).map(BigInt),
  }),
  fc.record({ t: fc.constant('close' as const), owner, fraction: fc.constantFrom(2_500n, 5_000n, 10_000n) }),
  fc.record({ t: fc.constant('collateral' as const), owner, add: fc.boolean(), pct: frac }),
  fc.record({ t: fc.constant('order' as const), owner, pct: frac, below: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ t: fc.constant('cancel' as const), owner }),
  fc.record({ t: fc.constant('liquidity' as const), owner, add: fc.boolean(), token: fc.constantFrom(...TOKEN_IDS), pct: frac }),
  fc.record({ t: fc.constant('swap' as const), owner, tokenIn: fc.constantFrom(...TOKEN_IDS), tokenOut: fc.constantFrom(...TOKEN_IDS), pct: frac }),
  fc.record({ t: fc.constant('price' as const), feed: fc.constantFrom('SOL', 'BTC', 'BONK', 'XAU'), bps: fc.integer({ min: 7_000, max: 13_000 }) }),
  fc.record({ t: fc.constant('clock' as const), s: fc.integer({ min: 1, max: 7 * 86_400 }) }),
);

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

/**
 * Every sequence starts with an open that the rules accept (5x SOL long on half the faucet's SOL), so each run
 * exercises trading whatever the random steps after it draw; a handful of runs could otherwise hold no trade.
 */
const SURE_OPEN: Step = { t: 'open', owner: 'a', market: 'SOL', side: 'long', usdc: false, pct: 50n, lev: 50_000n };

/** The property on one backend (conservation.pg.test.ts runs it on PostgreSQL). */
export function defineConservationSuite(backend: Backend, numRuns: number): void {
  describe(`conservation on ${backend}`, () => {
    let w: TestWorld;
    let keeper: Keeper | undefined;
    beforeAll(async () => {
      w = await createTestWorld(backend);
    });
    afterAll(async () => {
      await keeper?.stop();
      await w?.close();
    });

    async function run(s: Step): Promise<void> {
      const e = w.engine;
      const account = 'owner' in s ? await e.getAccount(s.owner) : undefined;
      const pctOf = (v: bigint, pct: bigint) => (v * pct) / 100n;
      switch (s.t) {
        case 'faucet':
          await w.db.sql.query('DELETE FROM faucet_draws');
          await w.act(s.owner, 'faucet', { token: s.token, amount: pctOf({ USDC: 10_000_000_000n, SOL: 50_000_000_000n, WBTC: 10_000_000n, BONK: 40_000_000_000_000n }[s.token], s.pct) });
          return;
        case 'open': {
          const m = s.market as 'SOL' | 'BTC' | 'BONK' | 'XAU';
          const token = s.side === 'short' || s.usdc || m === 'XAU' ? 'USDC' : ({ SOL: 'SOL', BTC: 'WBTC', BONK: 'BONK' } as const)[m];
          const amount = pctOf(account?.balances[token] ?? 0n, s.pct);
          await w.act(s.owner, 'openPosition', { market: m, side: s.side as 'long' | 'short', collateralToken: token, collateralAmount: amount, leverageBps: s.lev, acceptablePrice: s.side === 'long' ? 10n ** 30n : 0n });
          return;
        }
        case 'close': {
          const p = account?.positions[0];
          if (p) await w.act(s.owner, 'closePosition', { positionId: p.id, fractionBps: s.fraction, acceptablePrice: p.side === 'long' ? 0n : 10n ** 30n });
          return;
        }
        case 'collateral': {
          const p = account?.positions[0];
          if (!p) return;
          if (s.add) await w.act(s.owner, 'addCollateral', { positionId: p.id, amount: pctOf(account?.balances[p.collateralToken] ?? 0n, s.pct) });
          else await w.act(s.owner, 'removeCollateral', { positionId: p.id, amountUsd: pctOf(p.collateralUsd, s.pct) });
          return;
        }
        case 'order': {
          const mark = w.oracle.getPrice('SOL')?.price ?? 0n;
          await w.act(s.owner, 'placeLimitOrder', {
            market: 'SOL',
            side: 'short',
            collateralToken: 'USDC',
            collateralAmount: pctOf(account?.balances.USDC ?? 0n, s.pct),
            leverageBps: 30_000n,
            acceptablePrice: 0n,
            triggerPrice: mark + (mark * BigInt(s.below)) / 10_000n,
          });
          return;
        }
        case 'cancel': {
          const o = account?.orders[0];
          if (o) await w.act(s.owner, 'cancelOrder', { orderId: o.id });
          return;
        }
        case 'liquidity':
          if (s.add) await w.act(s.owner, 'addLiquidity', { pool: 'ALP', token: s.token, amount: pctOf(account?.balances[s.token] ?? 0n, s.pct), minLpOut: 0n });
          else await w.act(s.owner, 'removeLiquidity', { pool: 'ALP', token: s.token, lpAmount: pctOf(account?.lp.ALP ?? 0n, s.pct), minAmountOut: 0n });
          return;
        case 'swap':
          await w.act(s.owner, 'swap', { pool: 'ALP', tokenIn: s.tokenIn, tokenOut: s.tokenOut, amountIn: pctOf(account?.balances[s.tokenIn] ?? 0n, s.pct), minAmountOut: 0n });
          return;
        case 'price': {
          const now = w.oracle.getPrice(s.feed)?.price ?? 0n;
          await w.setPrice(s.feed, (now * BigInt(s.bps)) / 10_000n);
          return;
        }
        case 'clock':
          await e.advanceClock(s.s);
          return;
      }
    }

    async function checkInvariants(): Promise<void> {
      const totals = await tokenTotals(w.db);
      const { rows } = await w.db.sql.query<{ details: string }>("SELECT details FROM events WHERE kind = 'faucet'");
      const expected: Record<string, bigint> = {};
      for (const t of TOKEN_IDS) expected[t] = (GENESIS.pools.ALP.custodies[t] ?? 0n) + (GENESIS.pools.RWALP.custodies[t] ?? 0n);
      for (const r of rows) {
        const d = JSON.parse(r.details) as { token: string; amount: string };
        expected[d.token] = (expected[d.token] ?? 0n) + BigInt(d.amount);
      }
      for (const t of TOKEN_IDS) expect(totals[t] ?? 0n, t).toBe(expected[t]);
      const sums = await w.db.sql.query<Record<string, string>>(`
        SELECT c.pool, c.token, c.collateral::text AS collateral, c.locked::text AS locked, c.owned::text AS owned,
          COALESCE((SELECT SUM(collateral_amount) FROM positions p WHERE p.collateral_token = c.token
            AND (CASE WHEN p.market IN ('XAU','XAG','WTI') THEN 'RWALP' ELSE 'ALP' END) = c.pool), 0)::text AS pc,
          COALESCE((SELECT SUM(lock_amount) FROM positions p WHERE (CASE WHEN p.side = 'long' AND p.market = 'SOL' THEN 'SOL'
            WHEN p.side = 'long' AND p.market = 'BTC' THEN 'WBTC' WHEN p.side = 'long' AND p.market = 'BONK' THEN 'BONK' ELSE 'USDC' END) = c.token
            AND (CASE WHEN p.market IN ('XAU','XAG','WTI') THEN 'RWALP' ELSE 'ALP' END) = c.pool), 0)::text AS pl
        FROM custodies c`);
      for (const r of sums.rows) {
        expect(big(r.collateral), `${r.pool} ${r.token} collateral`).toBe(big(r.pc));
        expect(big(r.locked), `${r.pool} ${r.token} locked`).toBe(big(r.pl));
        expect(big(r.locked) <= big(r.owned), `${r.pool} ${r.token} locked ≤ owned`).toBe(true);
      }
      const agg = await w.db.sql.query<{ a: string; p: string }>(
        `SELECT (SELECT COALESCE(SUM(size_usd),0) FROM market_sides)::text AS a, (SELECT COALESCE(SUM(size_usd),0) FROM positions)::text AS p`,
      );
      expect(big(agg.rows[0]?.a)).toBe(big(agg.rows[0]?.p));
    }

    it('holds after random sequences of actions', async () => {
      const outcomes = { ok: 0, refused: 0, trades: 0 };
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }).map((steps) => [SURE_OPEN, ...steps]), async (steps) => {
          await keeper?.stop();
          await w.reset();
          keeper = new Keeper({ engine: w.engine, db: w.db, oracle: w.oracle }, { log: () => undefined });
          await keeper.start();
          for (const o of OWNERS) {
            for (const token of ['USDC', 'SOL'] as const) await run({ t: 'faucet', owner: o, token, pct: 100n });
          }
          for (const s of steps) {
            const ok = await run(s).then(
              () => true,
              () => false,
            );
            outcomes[ok ? 'ok' : 'refused'] += 1;
            await keeper.whenIdle();
          }
          await checkInvariants();
          const trades = await w.db.sql.query("SELECT 1 FROM events WHERE kind IN ('opened', 'increased', 'closed', 'liquidated', 'filled')");
          outcomes.trades += trades.rows.length;
        }),
        { numRuns },
      );
      // The sequences must exercise the engine, not only its refusals.
      console.info(`conservation: ${outcomes.ok} actions applied, ${outcomes.refused} refused`);
      expect(outcomes.ok).toBeGreaterThan(outcomes.refused / 3);
      expect(outcomes.trades).toBeGreaterThan(0);
    });
  });
}
