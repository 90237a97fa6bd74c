/**
 * Value conservation (fast-check): after any sequence of opens, increases, closes, collateral changes, orders,
 * fills, liquidations, TP/SL, liquidity, swaps, price moves and clock advances (each accepted or refused by the
 * program), every vault holds exactly what the state says (custody owned + collateral; each escrow the sum of its
 * orders), locks, collateral and aggregates are the sums over the positions, and every mint's supply (LP mints
 * included) is the sum of its token accounts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Instruction, TransactionSigner } from '@solana/kit';
import type { FeedId, MarketId, Side, TokenId } from '@/lib/math/ids';
import { FEED_IDS, MARKET_IDS } from '@/lib/math/ids';
import { GENESIS, MARKETS, lockToken } from '@/lib/math/params';
import {
  addCollateralIx,
  addLiquidityIx,
  cancelOrderIx,
  closeIx,
  executeTpSlIx,
  fillIx,
  liquidateIx,
  openIx,
  placeOrderIx,
  removeCollateralIx,
  removeLiquidityIx,
  setTpSlIx,
  swapIx,
} from '@/lib/chain/testing/actions';
import { ledgerMismatches, programOrders, programPositions } from '@/lib/chain/testing/ledger';
import { feedPrice, liquidationPriceNow, marketPrice } from '@/lib/chain/testing/model';
import { isLiquidatable } from '@/lib/math/liquidation';
import { isLimitOrderHit, isStopLossHit, isTakeProfitHit } from '@/lib/math/triggers';
import { isMarketOpen } from '@/lib/math/market-hours';
import { createWorld, type Trader, type World } from '@/lib/chain/testing/world';
import { CU_LIMIT, ONE } from './support';

const TRADERS = 3;
const FUNDS: Record<TokenId, bigint> = { USDC: 2_000_000n * ONE.USDC, SOL: 5_000n * ONE.SOL, WBTC: 20n * ONE.WBTC, BONK: 20_000_000_000n * ONE.BONK };
/** Amounts per token from a 1–10,000 scale (about $1.5 to $15,000 for SOL). */
const UNIT: Record<TokenId, bigint> = { USDC: ONE.USDC, SOL: ONE.SOL / 100n, WBTC: 1_000n, BONK: 40_000n * ONE.BONK };

let base: Promise<{ w: World; traders: Trader[] }> | undefined;
function start() {
  base ??= (async () => {
    const w = await createWorld();
    const traders: Trader[] = [];
    for (let i = 0; i < TRADERS; i++) traders.push(await w.trader(FUNDS));
    return { w, traders };
  })();
  return base.then(({ w, traders }) => ({ w: w.fork(), traders }));
}

const market = fc.constantFrom<MarketId>(...MARKET_IDS);
const side = fc.constantFrom<Side>('long', 'short');
const who = fc.integer({ min: 0, max: TRADERS - 1 });
const scale = fc.bigInt({ min: 1n, max: 3_000n });
/** A leverage as a share (per mille) of the market's range, mostly high (liquidations happen), sometimes out of range. */
const leverage = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 1_000 }) }, { weight: 6, arbitrary: fc.integer({ min: 700, max: 1_000 }) }, { weight: 1, arbitrary: fc.integer({ min: -50, max: 1_050 }) });
const leverageBps = (m: MarketId, perMille: number) => {
  const bps = 11_000n + ((MARKETS[m].maxInitialLeverageBps - 11_000n) * BigInt(perMille)) / 1_000n;
  return bps < 0n ? 0n : bps;
};
const slot = fc.integer({ min: 0, max: 3 });
const pick = fc.nat();

type Step =
  | { kind: 'open'; t: number; market: MarketId; side: Side; usdc: boolean; amount: bigint; leverage: number }
  | { kind: 'close'; pick: number; fraction: bigint }
  | { kind: 'addCollateral'; pick: number; amount: bigint }
  | { kind: 'removeCollateral'; pick: number; usd: bigint }
  | { kind: 'tpsl'; pick: number; tpBps: bigint; slBps: bigint }
  | { kind: 'settle'; pick: number; how: 'liquidate' | 'takeProfit' | 'stopLoss' }
  | { kind: 'place'; t: number; slot: number; market: MarketId; side: Side; usdc: boolean; amount: bigint; leverage: number; offsetBps: bigint }
  | { kind: 'cancel'; pick: number }
  | { kind: 'fill'; pick: number }
  | { kind: 'liquidity'; t: number; add: boolean; pool: 'ALP' | 'RWALP'; token: TokenId; amount: bigint }
  | { kind: 'swap'; t: number; tokenIn: TokenId; tokenOut: TokenId; amount: bigint }
  | { kind: 'prices'; moves: bigint[] }
  | { kind: 'crash'; feed: FeedId; moveBps: bigint }
  | { kind: 'advance'; seconds: bigint }
  | { kind: 'keeper' };

const token = fc.constantFrom<TokenId>('USDC', 'SOL', 'WBTC', 'BONK');
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('open' as const), t: who, market, side, usdc: fc.boolean(), amount: scale, leverage }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('close' as const), pick, fraction: fc.oneof(fc.constant(10_000n), fc.bigInt({ min: 1n, max: 10_000n })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addCollateral' as const), pick, amount: scale }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('removeCollateral' as const), pick, usd: fc.bigInt({ min: 1n, max: 2_000_000_000n }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tpsl' as const), pick, tpBps: fc.bigInt({ min: 1n, max: 300n }), slBps: fc.bigInt({ min: 1n, max: 300n }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('settle' as const), pick, how: fc.constantFrom('liquidate' as const, 'takeProfit' as const, 'stopLoss' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('place' as const), t: who, slot, market, side, usdc: fc.boolean(), amount: scale, leverage, offsetBps: fc.bigInt({ min: 0n, max: 300n }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fill' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('liquidity' as const), t: who, add: fc.boolean(), pool: fc.constantFrom('ALP' as const, 'RWALP' as const), token, amount: scale }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap' as const), t: who, tokenIn: token, tokenOut: token, amount: scale }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('prices' as const), moves: fc.array(fc.bigInt({ min: -150n, max: 150n }), { minLength: FEED_IDS.length, maxLength: FEED_IDS.length }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('crash' as const), feed: fc.constantFrom<FeedId>('SOL', 'BTC', 'BONK', 'XAU', 'XAG', 'WTI'), moveBps: fc.bigInt({ min: -1_500n, max: 1_500n }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('advance' as const), seconds: fc.bigInt({ min: 1n, max: 30n * 3_600n }) }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'keeper' as const }) },
);

/**
 * The keeper after a price update, deciding with lib/math as the app's keeper does: every position lib/math calls
 * liquidatable (at its liquidation price with the borrow fee accrued to now) must be liquidated by the program,
 * every hit TP or SL executed (refused only while its market is closed); every hit order is tried (an open may be
 * refused by liquidity or limits at the fill, and then waits).
 */
async function keeperPass(w: World, traders: Trader[], book: OrderBook): Promise<{ ok: boolean; cu: bigint }> {
  let ok = false;
  let cu = 0n;
  const note = (r: { ok: boolean; computeUnits: bigint; code?: string; logs: string[] }) => {
    if (!r.ok && r.code === undefined) throw new Error(`a refusal without a program error:\n${r.logs.join('\n')}`);
    if (r.ok) ok = true;
    if (r.computeUnits > cu) cu = r.computeUnits;
  };
  for (const { address, position: p } of programPositions(w)) {
    const t = traders.find((x) => x.address === p.owner)!;
    const id = MARKET_IDS.find((m) => w.addresses.markets[m] === p.market)!;
    const side = p.state.side;
    const price = marketPrice(w, id);
    const open = isMarketOpen(id, Number(w.nowS()));
    let ix: Instruction | undefined;
    let what = '';
    if (isLiquidatable({ side, price, liquidationPrice: liquidationPriceNow(w, id, address) })) [ix, what] = [await liquidateIx(w, t, id, side), 'liquidate'];
    else if (p.takeProfit !== null && isTakeProfitHit({ side, price, trigger: p.takeProfit })) [ix, what] = [await executeTpSlIx(w, t, id, side, 'takeProfit'), 'takeProfit'];
    else if (p.stopLoss !== null && isStopLossHit({ side, price, trigger: p.stopLoss })) [ix, what] = [await executeTpSlIx(w, t, id, side, 'stopLoss'), 'stopLoss'];
    if (!ix) continue;
    const r = await w.send([ix], [w.keeper]);
    note(r);
    expect(r.ok ? 'ok' : r.code, `${what} of ${id} ${side}`).toBe(open ? 'ok' : 'MARKET_CLOSED');
  }
  for (const { order: o } of programOrders(w)) {
    const id = MARKET_IDS.find((m) => w.addresses.markets[m] === o.market)!;
    if (!isLimitOrderHit({ side: o.side, price: marketPrice(w, id), trigger: o.triggerPrice })) continue;
    const i = traders.findIndex((x) => x.address === o.owner);
    const params = book.get(`${i}/${o.slot}`)!;
    note(await w.send([await fillIx(w, traders[i]!, o.slot, params)], [w.keeper]));
  }
  return { ok, cu };
}

/** The orders' parameters by (trader, slot), to fill them with the right accounts. */
type OrderBook = Map<string, { market: MarketId; side: Side; token: TokenId }>;

/** The `pick`-th open position (modulo how many there are), as (trader, market, side). */
function pickPosition(w: World, traders: Trader[], pick: number): { t: Trader; market: MarketId; side: Side } | undefined {
  const all = programPositions(w);
  const p = all[pick % Math.max(all.length, 1)]?.position;
  if (!p) return undefined;
  return { t: traders.find((t) => t.address === p.owner)!, market: MARKET_IDS.find((m) => w.addresses.markets[m] === p.market)!, side: p.state.side };
}

/** The `pick`-th order, as (trader, slot, its parameters). */
function pickOrder(w: World, traders: Trader[], book: OrderBook, pick: number) {
  const all = programOrders(w);
  const o = all[pick % Math.max(all.length, 1)]?.order;
  if (!o) return undefined;
  const t = traders.findIndex((x) => x.address === o.owner);
  return { t: traders[t]!, slot: o.slot, params: book.get(`${t}/${o.slot}`)! };
}

/** The step's instruction and who signs it (the owner, or the keeper for its instructions). */
async function planned(w: World, traders: Trader[], book: OrderBook, s: Step): Promise<{ ix: Instruction; signer: TransactionSigner } | undefined> {
  const ix = await build(w, traders, book, s);
  if (!ix) return undefined;
  if (s.kind === 'settle' || s.kind === 'fill') return { ix, signer: w.keeper };
  const owner = s.kind === 'cancel' ? pickOrder(w, traders, book, s.pick)?.t : 'pick' in s ? pickPosition(w, traders, s.pick)?.t : 't' in s ? traders[s.t] : undefined;
  if (!owner) throw new Error(`no owner for ${s.kind}`);
  return { ix, signer: owner.signer };
}

async function build(w: World, traders: Trader[], book: OrderBook, s: Step): Promise<Instruction | undefined> {
  const posted = (m: MarketId, sd: Side, usdc: boolean): TokenId => (usdc ? 'USDC' : lockToken(m, sd));
  const p = 'pick' in s && s.kind !== 'cancel' && s.kind !== 'fill' ? pickPosition(w, traders, s.pick) : undefined;
  const o = s.kind === 'cancel' || s.kind === 'fill' ? pickOrder(w, traders, book, s.pick) : undefined;
  if ('pick' in s && !p && !o) return undefined;
  switch (s.kind) {
    case 'open': {
      const tk = posted(s.market, s.side, s.usdc);
      return openIx(w, traders[s.t]!, { market: s.market, side: s.side, token: tk, amount: s.amount * UNIT[tk], leverageBps: leverageBps(s.market, s.leverage) });
    }
    case 'close':
      return closeIx(w, p!.t, p!.market, p!.side, s.fraction);
    case 'addCollateral':
      return addCollateralIx(w, p!.t, p!.market, p!.side, s.amount * UNIT[lockToken(p!.market, p!.side)]);
    case 'removeCollateral':
      return removeCollateralIx(w, p!.t, p!.market, p!.side, s.usd);
    case 'tpsl': {
      const mark = marketPrice(w, p!.market);
      const up = (bps: bigint) => (mark * (10_000n + bps)) / 10_000n;
      const down = (bps: bigint) => (mark * (10_000n - bps)) / 10_000n;
      return setTpSlIx(w, p!.t, p!.market, p!.side, p!.side === 'long' ? up(s.tpBps) : down(s.tpBps), p!.side === 'long' ? down(s.slBps) : up(s.slBps));
    }
    case 'settle':
      return s.how === 'liquidate' ? liquidateIx(w, p!.t, p!.market, p!.side) : executeTpSlIx(w, p!.t, p!.market, p!.side, s.how);
    case 'place': {
      const tk = posted(s.market, s.side, s.usdc);
      const mark = marketPrice(w, s.market);
      const trigger = s.side === 'long' ? (mark * (10_000n - s.offsetBps)) / 10_000n : (mark * (10_000n + s.offsetBps)) / 10_000n;
      return placeOrderIx(w, traders[s.t]!, { market: s.market, side: s.side, token: tk, slot: s.slot, amount: s.amount * UNIT[tk], leverageBps: leverageBps(s.market, s.leverage), triggerPrice: trigger });
    }
    case 'cancel':
      return cancelOrderIx(w, o!.t, o!.slot, o!.params.token);
    case 'fill':
      return fillIx(w, o!.t, o!.slot, o!.params);
    case 'liquidity': {
      const tk = s.pool === 'RWALP' ? 'USDC' : s.token;
      const t = traders[s.t]!;
      const held = w.tokenBalance(t.lpAccounts[s.pool]);
      return s.add || held === 0n ? addLiquidityIx(w, t, s.pool, tk, s.amount * UNIT[tk]) : removeLiquidityIx(w, t, s.pool, tk, (held * s.amount) / 10_000n);
    }
    case 'swap':
      return swapIx(w, traders[s.t]!, s.tokenIn, s.tokenOut, s.amount * UNIT[s.tokenIn]);
    default:
      return undefined;
  }
}

async function apply(w: World, traders: Trader[], book: OrderBook, s: Step): Promise<{ ok: boolean; cu: bigint } | undefined> {
  if (s.kind === 'prices') {
    const next = Object.fromEntries(FEED_IDS.map((f: FeedId, i) => [f, f === 'USDC' ? GENESIS.prices.USDC : (feedPrice(w, f) * (10_000n + s.moves[i]!)) / 10_000n]));
    await w.setPrices(next);
    return keeperPass(w, traders, book);
  }
  if (s.kind === 'keeper') return keeperPass(w, traders, book);
  if (s.kind === 'crash') {
    await w.setPrices({ [s.feed]: (feedPrice(w, s.feed) * (10_000n + s.moveBps)) / 10_000n });
    return keeperPass(w, traders, book);
  }
  if (s.kind === 'advance') {
    w.advance(s.seconds);
    await w.setPrices(Object.fromEntries(FEED_IDS.map((f) => [f, feedPrice(w, f)])));
    return keeperPass(w, traders, book);
  }
  const plan = await planned(w, traders, book, s);
  if (!plan) return undefined;
  const { ix, signer } = plan;
  const r = await w.send([ix], [signer]);
  if (r.ok && s.kind === 'place') book.set(`${s.t}/${s.slot}`, { market: s.market, side: s.side, token: s.usdc ? 'USDC' : lockToken(s.market, s.side) });
  if (!r.ok && r.code === undefined) throw new Error(`a refusal without a program error (a crash?):\n${r.logs.join('\n')}`);
  return { ok: r.ok, cu: r.computeUnits };
}

describe('value conservation', () => {
  it('after random sequences every vault, escrow, lock, aggregate and mint supply balances (fast-check)', async () => {
    let accepted = 0;
    let settled = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 40 }), async (steps) => {
        const { w, traders } = await start();
        const book: OrderBook = new Map();
        for (const s of steps) {
          const r = await apply(w, traders, book, s);
          if (r?.ok) {
            accepted++;
            if (s.kind === 'close' || s.kind === 'settle' || s.kind === 'fill' || s.kind === 'keeper') settled++;
            expect(r.cu).toBeLessThan(CU_LIMIT);
          }
          expect(ledgerMismatches(w)).toEqual([]);
        }
        expect(programPositions(w).every((p) => MARKETS[MARKET_IDS.find((m) => w.addresses.markets[m] === p.position.market)!] !== undefined)).toBe(true);
        expect(programOrders(w).length).toBeLessThanOrEqual(TRADERS * 4);
      }),
      { numRuns: 100, seed: 20_261_202 },
    );
    // The sequences must exercise the program, not only its refusals.
    expect(accepted).toBeGreaterThan(200);
    expect(settled).toBeGreaterThan(20);
  }, 120_000);
});
