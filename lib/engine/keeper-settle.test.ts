import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OraclePrice } from '@/lib/oracle/types';
import type { KeeperSettleItem, KeeperSettleOutcome } from './actions/keeper-settle';
import { createTestWorld, snapshotState, type Backend, type TestWorld } from './test-support';

const USDC = 1_000_000n;
const price = (usd: number) => BigInt(Math.round(usd * 100)) * 100_000_000n;
const code = (o: KeeperSettleOutcome | undefined) => (o && !o.ok ? (o.error as { code?: string }).code : o?.ok ? 'ok' : undefined);

/**
 * Engine.keeperSettleMany: one transaction for the settlements of one update. It must leave exactly what settling
 * each alone (Engine.keeperSettle) leaves, refuse per item, and roll nothing of the others back.
 */
describe.each<Backend>(process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'])('keeper batch settlement on %s', (backend) => {
  let w: TestWorld;
  beforeAll(async () => {
    w = await createTestWorld(backend);
  });
  afterAll(async () => {
    await w?.close();
  });

  /** Four shorts on SOL (USDC collateral): 20x ×2 and 5x, one 3x with a stop loss at $165. */
  async function scenario(): Promise<{ items: KeeperSettleItem[]; update: OraclePrice }> {
    await w.reset();
    const open = async (owner: string, leverageBps: bigint, stopLoss?: bigint) => {
      await w.act(owner, 'faucet', { token: 'USDC', amount: 1_000n * USDC });
      const r = await w.act(owner, 'openPosition', {
        market: 'SOL',
        side: 'short',
        collateralToken: 'USDC',
        collateralAmount: 100n * USDC,
        leverageBps,
        acceptablePrice: price(100),
        ...(stopLoss === undefined ? {} : { stopLoss }),
      });
      if (r.action !== 'openPosition') throw new Error('unexpected');
      return r.position.id;
    };
    const alice = await open('alice', 200_000n);
    const bob = await open('bob', 200_000n);
    const carol = await open('carol', 50_000n);
    const dave = await open('dave', 30_000n, price(165));
    await w.setPrice('SOL', price(170));
    const update = w.oracle.getPrice('SOL');
    if (!update) throw new Error('no SOL price');
    const items: KeeperSettleItem[] = [
      { positionId: alice, reason: 'liquidation' },
      { positionId: carol, reason: 'liquidation' },
      { positionId: bob, reason: 'liquidation' },
      { positionId: '999999', reason: 'liquidation' },
      { positionId: alice, reason: 'stopLoss' },
      { positionId: dave, reason: 'liquidation' },
      { positionId: dave, reason: 'takeProfit' },
      { positionId: dave, reason: 'stopLoss' },
    ];
    return { items, update };
  }

  it('settles what is due, refuses the rest one by one, and leaves what one transaction each would', async () => {
    const { items, update } = await scenario();
    const outcomes = await w.engine.keeperSettleMany(items, [update]);
    expect(outcomes.map(code)).toEqual(['ok', 'INVALID_TRIGGER', 'ok', 'NOT_FOUND', 'NOT_FOUND', 'INVALID_TRIGGER', 'INVALID_TRIGGER', 'ok']);
    const batched = await snapshotState(w.db);
    expect((await w.engine.getAccount('carol')).positions).toHaveLength(1);

    const again = await scenario();
    for (const item of again.items) await w.engine.keeperSettle(item.positionId, item.reason, [again.update]).catch(() => undefined);
    // Every table but `nonces` (the world's signed actions take fresh nonces after a reset).
    const withoutNonces = (s: string) => s.split('\n').filter((line) => !line.startsWith('nonces:'));
    expect(withoutNonces(await snapshotState(w.db))).toEqual(withoutNonces(batched));
  });

  it('undoes everything a refused settlement did in memory (checkpoint / restore), so the flush writes nothing of it', async () => {
    await w.reset();
    const before = await snapshotState(w.db);
    await w.engine.inTx(async (ctx) => {
      await ctx.lockPool('ALP');
      const aggregate = await ctx.aggregate('SOL', 'long');
      const custodies = structuredClone(ctx.custodies('ALP'));
      const supply = ctx.lpSupply('ALP');
      const checkpoint = ctx.checkpoint();
      ctx.deferSettlementWrites();
      ctx.touch('ALP', 'USDC').owned += 5n;
      ctx.setLpSupply('ALP', supply + 1n);
      ctx.setAggregate({ ...aggregate, count: aggregate.count + 1n });
      await ctx.recordEvent({ owner: 'x', kind: 'liquidated', pool: 'ALP' });
      ctx.emit({ type: 'pool', pool: 'ALP' });
      await ctx.creditPayout('x', 'USDC', 7n);
      await ctx.removePosition('1');
      ctx.restore(checkpoint);
      expect(ctx.custodies('ALP')).toEqual(custodies);
      expect(ctx.lpSupply('ALP')).toBe(supply);
      expect(await ctx.aggregate('SOL', 'long')).toEqual(aggregate);
      expect(ctx.emitted).toEqual([]);
      await ctx.flush();
    });
    expect(await snapshotState(w.db)).toBe(before);
  });
});
