/**
 * The reference model: one function per action, applying it exactly as the engine does (lib/engine/actions/*.ts:
 * the same checks in the same order, the same custodies touched), with lib/math's formulas only. `applyAction`
 * returns the next state and the expected outcome: the refusal's code, or the events the program must emit. The
 * actions are in model-trade.ts (positions), model-pool.ts (liquidity, swaps, AUM) and model-orders.ts.
 */
import type { Address } from '@solana/kit';
import { FEED_IDS, type FeedId, type MarketId, type PoolId, type Side, type TokenId } from '@/lib/math/ids';
import { MARKETS, lockToken } from '@/lib/math/params';
import { positionMetrics } from '@/lib/math/position-view';
import { lpPriceUsd } from '@/lib/math/liquidity';
import { isProtocolError } from '@/lib/math/errors';
import type { ProgramEvent } from '@/lib/chain/events';
import { ChainRefusal, Tx, type Book, type ModelState, type PositionRecord } from './model-state';
import { addCollateral, close, executeTpSl, liquidate, open, removeCollateral, setTpSl } from './model-trade';
import { addLiquidity, poolAum, removeLiquidity, swap } from './model-pool';
import { cancelOrder, fillOrder, placeOrder } from './model-orders';

export type Action =
  | { kind: 'open'; owner: Address; market: MarketId; side: Side; postedToken: TokenId; amount: bigint; leverageBps: bigint; acceptablePrice?: bigint; takeProfit?: bigint; stopLoss?: bigint }
  | { kind: 'close'; owner: Address; positionOwner: Address; market: MarketId; side: Side; fractionBps: bigint; acceptablePrice?: bigint }
  | { kind: 'addCollateral'; owner: Address; positionOwner: Address; market: MarketId; side: Side; amount: bigint }
  | { kind: 'removeCollateral'; owner: Address; positionOwner: Address; market: MarketId; side: Side; amountUsd: bigint }
  | { kind: 'setTpSl'; owner: Address; positionOwner: Address; market: MarketId; side: Side; takeProfit: bigint | null; stopLoss: bigint | null }
  | { kind: 'liquidate'; positionOwner: Address; market: MarketId; side: Side }
  | { kind: 'executeTpSl'; positionOwner: Address; market: MarketId; side: Side; trigger: 'takeProfit' | 'stopLoss' }
  | { kind: 'addLiquidity'; owner: Address; pool: PoolId; token: TokenId; amount: bigint; minLpOut: bigint }
  | { kind: 'removeLiquidity'; owner: Address; pool: PoolId; token: TokenId; lpAmount: bigint; minAmountOut: bigint }
  | { kind: 'swap'; owner: Address; pool: PoolId; tokenIn: TokenId; tokenOut: TokenId; amountIn: bigint; minAmountOut: bigint }
  | { kind: 'placeOrder'; owner: Address; market: MarketId; side: Side; postedToken: TokenId; slot: number; amount: bigint; leverageBps: bigint; triggerPrice: bigint; acceptablePrice?: bigint; takeProfit?: bigint; stopLoss?: bigint }
  | { kind: 'cancelOrder'; owner: Address; orderOwner: Address; slot: number }
  | { kind: 'fillOrder'; orderOwner: Address; slot: number }
  | { kind: 'setPrices'; prices: Partial<Record<FeedId, bigint>> }
  | { kind: 'advance'; seconds: bigint };

export type Outcome = { ok: true; events: ProgramEvent[] } | { ok: false; code: string };

/** Applies `action` to a copy of `state`: the next state (unchanged on a refusal) and the expected outcome. */
export function applyAction(state: ModelState, book: Book, action: Action): { next: ModelState; outcome: Outcome } {
  const s = structuredClone(state);
  const tx = new Tx(s);
  try {
    const events = run(tx, book, action);
    tx.commit();
    return { next: s, outcome: { ok: true, events } };
  } catch (e) {
    if (isProtocolError(e)) return { next: state, outcome: { ok: false, code: e.code } };
    if (e instanceof ChainRefusal) return { next: state, outcome: { ok: false, code: e.code } };
    throw e;
  }
}

function run(tx: Tx, book: Book, a: Action): ProgramEvent[] {
  switch (a.kind) {
    case 'open':
      return [open(tx, book, a)];
    case 'close':
      return [close(tx, book, a)];
    case 'addCollateral':
      return [addCollateral(tx, book, a)];
    case 'removeCollateral':
      return [removeCollateral(tx, book, a)];
    case 'setTpSl':
      return [setTpSl(tx, book, a)];
    case 'liquidate':
      return [liquidate(tx, book, a)];
    case 'executeTpSl':
      return [executeTpSl(tx, book, a)];
    case 'addLiquidity':
      return [addLiquidity(tx, book, a)];
    case 'removeLiquidity':
      return [removeLiquidity(tx, book, a)];
    case 'swap':
      return [swap(tx, book, a)];
    case 'placeOrder':
      return [placeOrder(tx, book, a)];
    case 'cancelOrder':
      return [cancelOrder(tx, book, a)];
    case 'fillOrder':
      return [fillOrder(tx, book, a)];
    case 'setPrices': {
      const updates = FEED_IDS.filter((feed) => a.prices[feed] !== undefined).map((feed) => {
        const price = a.prices[feed]!;
        tx.s.feeds[feed] = { price, publishTime: tx.nowS };
        return { account: book.addresses.oracles[feed], price, publishTime: tx.nowS };
      });
      return [{ kind: 'pricesUpdated', updates }];
    }
    case 'advance':
      tx.s.nowS += a.seconds;
      return [];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reads shared by the actions and the generators

/** The position of (owner, market, side) with its lock custody's interest accrued to now, at the current mid. */
export function positionNow(s: ModelState, p: PositionRecord): { borrowFeeUsd: bigint; liquidationPrice: bigint; liquidatable: boolean; price: bigint } {
  const market = MARKETS[p.market];
  const tx = new Tx(structuredClone(s));
  tx.lockPool(market.pool);
  const cumulativeInterest = tx.custody(market.pool, lockToken(p.market, p.state.side)).cumulativeInterest;
  const price = s.feeds[market.feed].price;
  const m = positionMetrics({ market: p.market, position: p.state, cumulativeInterest, price });
  return { borrowFeeUsd: m.borrowFeeUsd, liquidationPrice: m.liquidationPrice, liquidatable: m.liquidatable, price };
}

/** What QueryPool answers: AUM, supply and LP price now, or the refusal. */
export function queryPool(state: ModelState, pool: PoolId): { ok: true; aumUsd: bigint; supply: bigint; lpPriceUsd: bigint } | { ok: false; code: string } {
  const tx = new Tx(structuredClone(state));
  try {
    tx.lockPool(pool);
    const aum = poolAum(tx, pool);
    const supply = state.lpSupply[pool];
    return { ok: true, aumUsd: aum, supply, lpPriceUsd: lpPriceUsd({ aumUsd: aum, supply }) };
  } catch (e) {
    if (isProtocolError(e)) return { ok: false, code: e.code };
    throw e;
  }
}
