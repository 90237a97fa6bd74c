import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '@/lib/engine/test-support';
import { checkLedger, checkLedgerIn, type Violation } from './invariants';
import { formatReport } from './report';

const SOL = 10_000_000_000n;

describe('checkLedger', () => {
  let w: TestWorld;
  beforeAll(async () => {
    w = await createTestWorld('pglite');
  });
  afterAll(async () => {
    await w?.close();
  });

  /** Two wallets with a position each, an escrowed order, LP tokens and a swap behind them. */
  beforeEach(async () => {
    await w.reset();
    await w.act('alice', 'faucet', { token: 'USDC', amount: 10_000_000_000n });
    await w.act('bob', 'faucet', { token: 'SOL', amount: 50_000_000_000n });
    await w.act('alice', 'openPosition', {
      market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: 1_000_000_000n, leverageBps: 50_000n, acceptablePrice: 0n,
    });
    await w.act('bob', 'openPosition', {
      market: 'SOL', side: 'long', collateralToken: 'SOL', collateralAmount: 10_000_000_000n, leverageBps: 30_000n, acceptablePrice: 10n ** 30n,
    });
    await w.act('alice', 'placeLimitOrder', {
      market: 'BTC', side: 'short', collateralToken: 'USDC', collateralAmount: 500_000_000n, leverageBps: 20_000n, acceptablePrice: 0n,
      triggerPrice: 1_000_000n * SOL,
    });
    await w.act('alice', 'addLiquidity', { pool: 'ALP', token: 'USDC', amount: 2_000_000_000n, minLpOut: 0n });
    await w.act('bob', 'swap', { pool: 'ALP', tokenIn: 'SOL', tokenOut: 'USDC', amountIn: 5_000_000_000n, minAmountOut: 0n });
  });

  it('finds nothing wrong after real actions', async () => {
    const report = await checkLedger(w.db);
    expect(report.violations).toEqual([]);
    expect(report.positions).toBe(2);
    expect(report.holdings.orderEscrow.USDC).toBe(500_000_000n);
    expect(report.minted.USDC).toBe(3_000_000_000_000n + 1_000_000_000_000n + 10_000_000_000n);
    expect(formatReport(report)).toContain('ledger OK');
  });

  it('finds nothing wrong after a partial close, a cancel, a withdrawal, a price crash and a day of interest', async () => {
    const account = await w.engine.getAccount('alice');
    const short = account.positions[0];
    const order = account.orders[0];
    if (!short || !order) throw new Error('setup');
    await w.act('alice', 'closePosition', { positionId: short.id, fractionBps: 5_000n, acceptablePrice: 10n ** 30n });
    await w.act('alice', 'cancelOrder', { orderId: order.id });
    await w.act('alice', 'removeLiquidity', { pool: 'ALP', token: 'USDC', lpAmount: (account.lp.ALP ?? 0n) / 2n, minAmountOut: 0n });
    await w.setPrice('SOL', 50n * SOL);
    await w.engine.advanceClock(86_400);
    expect((await checkLedger(w.db)).violations).toEqual([]);
  });

  const corruptions: [string, string, Violation['rule'][]][] = [
    ['a wallet credited from nowhere', "UPDATE balances SET amount = amount + 1 WHERE owner = 'alice' AND token = 'USDC'", ['conservation']],
    ['custody owned drained', "UPDATE custodies SET owned = owned - 7 WHERE pool = 'ALP' AND token = 'WBTC'", ['conservation']],
    ['a lock forgotten', "UPDATE custodies SET locked = locked - 1 WHERE pool = 'ALP' AND token = 'SOL'", ['custody-locked']],
    ['custody collateral drifted', "UPDATE custodies SET collateral = collateral + 3 WHERE pool = 'ALP' AND token = 'USDC'", ['custody-collateral']],
    ['locked over owned', "UPDATE custodies SET owned = 0 WHERE pool = 'ALP' AND token = 'SOL'", ['conservation', 'locked-over-owned']],
    ['LP minted to nobody', "UPDATE pools SET lp_supply = lp_supply + 1 WHERE id = 'ALP'", ['lp-supply']],
    ['aggregate size drifted', "UPDATE market_sides SET size_usd = size_usd + 1 WHERE market = 'SOL' AND side = 'long'", ['aggregate']],
    ['a position vanished', "DELETE FROM positions WHERE owner = 'bob'", ['conservation', 'custody-locked', 'custody-collateral', 'aggregate']],
    ['an order paid twice', "UPDATE orders SET collateral_amount = collateral_amount * 2", ['conservation']],
    [
      'a negative custody',
      "UPDATE custodies SET owned = -5 WHERE pool = 'RWALP' AND token = 'USDC'; UPDATE balances SET amount = amount + 1000000000005 WHERE owner = 'alice' AND token = 'USDC'",
      ['negative', 'locked-over-owned'],
    ],
    ['genesis marker lost', "DELETE FROM engine_state WHERE key = 'genesis'", ['genesis', 'conservation']],
  ];

  it.each(corruptions)('reports %s', async (_name, sql, rules) => {
    await w.db.sql.exec(sql);
    const report = await checkLedger(w.db);
    expect([...new Set(report.violations.map((v) => v.rule))].sort()).toEqual([...rules].sort());
    expect(formatReport(report)).toMatch(/violation/);
  });

  /** Money cells: table, column, a clause picking one row, and whether the column may go down (CHECK ≥ 0). */
  const cells = [
    ['balances', 'amount', "owner = 'alice' AND token = 'USDC'", false],
    ['lp_balances', 'amount', "owner = 'alice' AND pool = 'ALP'", false],
    ['custodies', 'owned', "pool = 'ALP' AND token = 'SOL'", true],
    ['custodies', 'locked', "pool = 'ALP' AND token = 'USDC'", true],
    ['custodies', 'collateral', "pool = 'ALP' AND token = 'SOL'", true],
    ['positions', 'collateral_amount', "owner = 'bob'", true],
    ['positions', 'lock_amount', "owner = 'alice'", true],
    ['positions', 'size_usd', "owner = 'alice'", true],
    ['orders', 'collateral_amount', "owner = 'alice'", true],
    ['pools', 'lp_supply', "id = 'RWALP'", true],
    ['market_sides', 'size_usd', "market = 'SOL' AND side = 'long'", true],
  ] as const;

  it('notices any single money cell moved by any amount (property)', async () => {
    const rollback = new Error('rollback');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cells), fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.boolean(), async ([table, column, where, canFall], delta, down) => {
        const signed = down && canFall ? -delta : delta;
        let found: Violation[] = [];
        await w.db
          .transaction(async (tx) => {
            await tx.query(`UPDATE ${table} SET ${column} = ${column} + $1 WHERE ${where}`, [signed.toString()]);
            found = (await checkLedgerIn(tx)).violations;
            throw rollback;
          })
          .catch((e: unknown) => {
            if (e !== rollback) throw e;
          });
        expect(found.length, `${table}.${column} ${signed}`).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
    expect((await checkLedger(w.db)).violations).toEqual([]);
  });
});
