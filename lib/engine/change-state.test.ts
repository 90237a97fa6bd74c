import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EngineChangeState, EngineEvent } from './event-bus';
import { selectCustodies } from './store/custodies';
import { selectOrders, selectPositions } from './store/positions';
import { createTestWorld, type TestWorld } from './test-support';

const USDC = 1_000_000n;
const price = (usd: number) => BigInt(Math.round(usd * 100)) * 100_000_000n;

let w: TestWorld;
beforeAll(async () => {
  w = await createTestWorld('pglite');
  await w.reset();
});
afterAll(async () => {
  await w?.close();
});

/**
 * The keeper indexes the rows the engine carries with its events instead of reading them back
 * (keeper.ts `refresh`): every carried row must equal what the transaction stored.
 */
it('carries, with every position, order and pool event, exactly the rows the transaction stored', async () => {
  const seen: { event: EngineEvent; state: EngineChangeState | undefined }[] = [];
  const unsubscribe = w.engine.onChange((event, state) => seen.push({ event, state }));
  let actions = 0;
  const run = async (action: Parameters<TestWorld['act']>[1], params: Record<string, unknown>) => {
    actions += 1;
    const result = await w.act('t', action, params as never);
    await check();
    return result;
  };
  const check = async () => {
    for (const { event, state } of seen.splice(0)) {
      expect(state, `${event.type} event without state`).toBeDefined();
      if (event.type === 'position') {
        const stored = (await selectPositions(w.db.sql, 'id = $1', [event.positionId]))[0] ?? null;
        expect(state?.position).toEqual(stored);
      } else if (event.type === 'order') {
        const stored = (await selectOrders(w.db.sql, 'id = $1', [event.orderId]))[0] ?? null;
        expect(state?.order).toEqual(stored);
      } else {
        const stored = await selectCustodies(w.db.sql, event.pool);
        for (const row of state?.custodies ?? []) expect(row).toEqual(stored.find((c) => c.token === row.token));
        expect(state?.custodies?.length).toBeGreaterThan(0);
      }
    }
  };
  try {
    await run('faucet', { token: 'USDC', amount: 5_000n * USDC });
    const base = { market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: 100n * USDC, leverageBps: 50_000n, acceptablePrice: price(100) };
    const opened = await run('openPosition', base);
    if (opened.action !== 'openPosition') throw new Error('unexpected');
    const id = opened.position.id;
    await run('openPosition', base);
    await run('setTpSl', { positionId: id, takeProfit: price(120), stopLoss: price(170) });
    await run('addCollateral', { positionId: id, amount: 50n * USDC });
    await run('removeCollateral', { positionId: id, amountUsd: 20n * USDC });
    await run('closePosition', { positionId: id, fractionBps: 2_500n, acceptablePrice: price(200) });
    await run('closePosition', { positionId: id, acceptablePrice: price(200) });
    const placed = await run('placeLimitOrder', { ...base, side: 'long', acceptablePrice: price(200), triggerPrice: price(140) });
    if (placed.action !== 'placeLimitOrder') throw new Error('unexpected');
    await run('cancelOrder', { orderId: placed.order.id });
    await run('addLiquidity', { pool: 'ALP', token: 'USDC', amount: 100n * USDC, minLpOut: 0n });
    expect(actions).toBe(11);
  } finally {
    unsubscribe();
  }
});
