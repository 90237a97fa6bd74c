import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Keeper } from './keeper';
import { TriggerBook } from './keeper-book';
import { createTestWorld, type TestWorld } from './test-support';
import type { PositionView } from './views';

const SOL = 1_000_000_000n;
const USDC = 1_000_000n;
const price = (usd: number) => BigInt(Math.round(usd * 100)) * 100_000_000n;

describe('TriggerBook', () => {
  it('returns exactly the crossed entries, liquidations first', () => {
    const book = new TriggerBook();
    book.set({ key: 'a', id: '1', kind: 'order', trigger: price(140), direction: 'below' });
    book.set({ key: 'b', id: '2', kind: 'liquidation', trigger: price(135), direction: 'below' });
    book.set({ key: 'c', id: '3', kind: 'takeProfit', trigger: price(160), direction: 'above' });
    expect(book.crossed(price(150)).map((e) => e.key)).toEqual([]);
    expect(book.crossed(price(140)).map((e) => e.key)).toEqual(['a']);
    expect(book.crossed(price(130)).map((e) => e.key)).toEqual(['b', 'a']);
    expect(book.crossed(price(160)).map((e) => e.key)).toEqual(['c']);
    book.deletePrefix('b');
    expect(book.crossed(price(130)).map((e) => e.key)).toEqual(['a']);
  });
});

describe('keeper on PGlite', () => {
  let w: TestWorld;
  let keeper: Keeper;

  beforeAll(async () => {
    w = await createTestWorld('pglite');
  });
  afterAll(async () => {
    await keeper?.stop();
    await w?.close();
  });
  beforeEach(async () => {
    await keeper?.stop();
    await w.reset();
    keeper = new Keeper({ engine: w.engine, db: w.db, oracle: w.oracle }, { log: () => undefined });
    await keeper.start();
  });

  async function open(owner: string, side: 'long' | 'short', leverageBps: bigint): Promise<PositionView> {
    await w.act(owner, 'faucet', { token: 'USDC', amount: 1_000n * USDC });
    const r = await w.act(owner, 'openPosition', {
      market: 'SOL',
      side,
      collateralToken: side === 'long' ? 'SOL' : 'USDC',
      collateralAmount: side === 'long' ? SOL / 2n : 100n * USDC,
      leverageBps,
      acceptablePrice: side === 'long' ? price(200) : price(100),
    });
    if (r.action !== 'openPosition') throw new Error('unexpected');
    return r.position;
  }

  async function fundSol(owner: string): Promise<void> {
    await w.db.sql.query("INSERT INTO balances (owner, token, amount) VALUES ($1, 'SOL', $2)", [owner, String(10n * SOL)]);
  }

  it('liquidates a long whose liquidation price the update crosses; the trader keeps any remainder', async () => {
    await fundSol('alice');
    const p = await open('alice', 'long', 500_000n);
    await keeper.whenIdle();
    await w.setPrice('SOL', p.liquidationPrice + 1n);
    await keeper.whenIdle();
    expect((await w.engine.getAccount('alice')).positions.length).toBe(1);
    await w.setPrice('SOL', p.liquidationPrice);
    await keeper.whenIdle();
    const account = await w.engine.getAccount('alice');
    expect(account.positions).toEqual([]);
    const event = (await w.engine.getHistory('alice')).find((e) => e.kind === 'liquidated');
    expect(event?.price).toBe(p.liquidationPrice);
    expect(event?.details.payoutAmount).toBe(String(account.balances.SOL - (10n * SOL - SOL / 2n)));
    const sol = (await w.engine.getPools())[0]?.custodies.find((c) => c.token === 'SOL');
    expect(sol?.locked).toBe(0n);
  });

  it('liquidates a short when the price rises through its liquidation price, at the update price', async () => {
    const p = await open('bob', 'short', 500_000n);
    await keeper.whenIdle();
    const jump = p.liquidationPrice + price(1);
    await w.setPrice('SOL', jump);
    await keeper.whenIdle();
    expect((await w.engine.getAccount('bob')).positions).toEqual([]);
    expect((await w.engine.getHistory('bob')).find((e) => e.kind === 'liquidated')?.price).toBe(jump);
  });

  it('liquidates when borrow fees move the liquidation price past the mark (clock jump)', async () => {
    await fundSol('carol');
    const p = await open('carol', 'long', 1_000_000n);
    await keeper.whenIdle();
    await w.setPrice('SOL', p.liquidationPrice + 10_000_000n);
    await keeper.whenIdle();
    expect((await w.engine.getAccount('carol')).positions.length).toBe(1);
    // utilization ≈ 0.2% → ~60/1e9 per hour; 30 days move the liquidation price up by ≈ $0.0065.
    await w.engine.advanceClock(30 * 86_400);
    await keeper.whenIdle();
    await w.setPrice('SOL', p.liquidationPrice + 10_000_000n);
    await keeper.whenIdle();
    expect((await w.engine.getAccount('carol')).positions).toEqual([]);
  });

  it('executes a take profit and a stop loss within one update', async () => {
    await fundSol('dave');
    const long = await open('dave', 'long', 50_000n);
    const short = await open('erin', 'short', 50_000n);
    await w.act('dave', 'setTpSl', { positionId: long.id, takeProfit: price(160), stopLoss: null });
    await w.act('erin', 'setTpSl', { positionId: short.id, takeProfit: null, stopLoss: price(158) });
    await keeper.whenIdle();
    await w.setPrice('SOL', price(161));
    await keeper.whenIdle();
    expect((await w.engine.getAccount('dave')).positions).toEqual([]);
    expect((await w.engine.getAccount('erin')).positions).toEqual([]);
    const closed = (await w.engine.getHistory('dave')).find((e) => e.kind === 'closed');
    expect(closed).toMatchObject({ price: price(161) });
    expect(closed?.details.reason).toBe('takeProfit');
    expect((await w.engine.getHistory('erin')).find((e) => e.kind === 'closed')?.details.reason).toBe('stopLoss');
  });

  it('still executes a stop loss when an over-eager liquidation entry of the same position is refused', async () => {
    await fundSol('gina');
    const long = await open('gina', 'long', 50_000n);
    await w.act('gina', 'setTpSl', { positionId: long.id, takeProfit: null, stopLoss: price(140) });
    await keeper.whenIdle();
    // The index projects liquidation entries early on purpose; one crossing before the true liquidation price:
    const index = (keeper as unknown as { index: { book(m: 'SOL'): TriggerBook } }).index;
    index.book('SOL').set({ key: `p:${long.id}:liq`, id: long.id, kind: 'liquidation', trigger: price(145), direction: 'below' });
    await w.setPrice('SOL', price(139));
    await keeper.whenIdle();
    expect((await w.engine.getAccount('gina')).positions).toEqual([]);
    expect((await w.engine.getHistory('gina')).find((e) => e.kind === 'closed')?.details.reason).toBe('stopLoss');
    expect(keeper.actions.slice(-2).map((a) => [a.kind, a.ok])).toEqual([
      ['liquidation', false],
      ['stopLoss', true],
    ]);
  });

  it('fills a limit order at the update price, not the trigger', async () => {
    await w.act('frank', 'faucet', { token: 'USDC', amount: 1_000n * USDC });
    await w.act('frank', 'placeLimitOrder', {
      market: 'SOL',
      side: 'long',
      collateralToken: 'USDC',
      collateralAmount: 100n * USDC,
      leverageBps: 50_000n,
      acceptablePrice: price(146),
      triggerPrice: price(145),
    });
    await keeper.whenIdle();
    await w.setPrice('SOL', price(146));
    await keeper.whenIdle();
    expect((await w.engine.getAccount('frank')).orders.length).toBe(1);
    await w.setPrice('SOL', price(144));
    await keeper.whenIdle();
    const account = await w.engine.getAccount('frank');
    expect(account.orders).toEqual([]);
    expect(account.positions[0]).toMatchObject({ entryPrice: price(144), collateralToken: 'SOL' });
    expect((await w.engine.getHistory('frank'))[0]?.kind).toBe('filled');
  });

  it('leaves RWA positions alone while the market is closed', async () => {
    await w.act('gina', 'faucet', { token: 'USDC', amount: 1_000n * USDC });
    const r = await w.act('gina', 'openPosition', {
      market: 'XAU',
      side: 'long',
      collateralToken: 'USDC',
      collateralAmount: 100n * USDC,
      leverageBps: 500_000n,
      acceptablePrice: price(3000),
    });
    if (r.action !== 'openPosition') throw new Error('unexpected');
    await w.engine.advanceClock(2 * 86_400 + 10 * 3_600);
    await keeper.whenIdle();
    await w.setPrice('XAU', price(2000));
    await keeper.whenIdle();
    expect((await w.engine.getAccount('gina')).positions.length).toBe(1);
    await w.engine.advanceClock(2 * 86_400);
    await keeper.whenIdle();
    await w.setPrice('XAU', price(2000));
    await keeper.whenIdle();
    expect((await w.engine.getAccount('gina')).positions).toEqual([]);
  });

  it('records lp snapshots', async () => {
    await keeper.whenIdle();
    await expect.poll(async () => (await w.db.sql.query('SELECT * FROM lp_snapshots')).rows.length).toBe(2);
  });
});
