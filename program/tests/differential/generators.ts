/**
 * Random action sequences. fast-check draws *intents* (which trader, market, side, how much, which variant);
 * `resolve` turns each into concrete actions against the model's current state, so most are valid (an existing
 * position to close, an amount worth a few dollars to a few thousand, a leverage in range) while a share is meant
 * to be refused (boundaries, another owner's position, stale prices, amounts over limits and bands).
 */
import fc from 'fast-check';
import type { Address } from '@solana/kit';
import { FEED_IDS, MARKET_IDS, SIDES, type FeedId, type MarketId, type PoolId, type Side, type TokenId } from '@/lib/math/ids';
import { GENESIS, MARKETS, POOLS, PROTOCOL, TOKENS, lockToken } from '@/lib/math/params';
import { isLimitOrderHit } from '@/lib/math/triggers';
import { BPS } from '@/lib/math/scales';
import { ORDER_SLOTS, positionKey, type Base } from './harness';
import { applyAction, positionNow, type Action } from './model';
import type { Book, ModelState, OrderRecord, PositionRecord } from './model-state';

const unit = fc.noBias(fc.integer({ min: 0, max: 1_000_000 }));
const pick = fc.noBias(fc.nat({ max: 1_000 }));

/** A value between `lo` and `hi` dollars, log-uniform in `u` ∈ [0, 1e6], in micro-dollars. */
function logUsd(u: number, lo: number, hi: number): bigint {
  const v = 10 ** (Math.log10(lo) + ((Math.log10(hi) - Math.log10(lo)) * u) / 1_000_000);
  return BigInt(Math.max(1, Math.round(v * 1e6)));
}

/** Tokens worth `usd` (micro-dollars) at the feed's mid. */
function tokensFor(s: ModelState, token: TokenId, usd: bigint): bigint {
  if (token === 'USDC') return usd;
  return (usd * 10n ** BigInt(TOKENS[token].decimals + 4)) / s.feeds[TOKENS[token].feed].price;
}

const FEEDS_MOVED: readonly FeedId[] = FEED_IDS.filter((f) => f !== 'USDC');

export const intentArb = fc.oneof(
  { weight: 22, arbitrary: fc.record({ k: fc.constant('open' as const), trader: fc.nat({ max: 3 }), market: fc.nat({ max: 5 }), side: fc.nat({ max: 1 }), posted: unit, size: unit, usd: unit, lev: unit, levKind: unit, slip: unit, tpsl: unit }) },
  { weight: 8, arbitrary: fc.record({ k: fc.constant('increase' as const), pick, posted: unit, size: unit, usd: unit, lev: unit, levKind: unit, slip: unit }) },
  { weight: 12, arbitrary: fc.record({ k: fc.constant('close' as const), pick, who: unit, fraction: unit, fractionKind: unit, slip: unit }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('addCollateral' as const), pick, who: unit, usd: unit }) },
  { weight: 5, arbitrary: fc.record({ k: fc.constant('removeCollateral' as const), pick, who: unit, fraction: unit }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('setTpSl' as const), pick, who: unit, tp: unit, sl: unit }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('executeTpSl' as const), pick, which: fc.boolean() }) },
  { weight: 5, arbitrary: fc.record({ k: fc.constant('liquidate' as const), pick, prefer: unit }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('keeper' as const) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('crowd' as const), market: fc.nat({ max: 5 }), side: fc.nat({ max: 1 }), frac: unit, lev: unit }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('toTpSl' as const), pick, which: fc.boolean(), offset: fc.integer({ min: -1, max: 1 }) }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('toLiquidation' as const), pick, offset: fc.integer({ min: -1, max: 1 }) }) },
  { weight: 12, arbitrary: fc.record({ k: fc.constant('prices' as const), moves: fc.array(fc.tuple(fc.nat({ max: 5 }), fc.integer({ min: -3_000, max: 3_000 })), { minLength: 1, maxLength: 4 }), refresh: unit }) },
  { weight: 8, arbitrary: fc.record({ k: fc.constant('advance' as const), span: unit, u: unit, refresh: unit }) },
  { weight: 5, arbitrary: fc.record({ k: fc.constant('addLiquidity' as const), trader: fc.nat({ max: 3 }), pool: unit, token: fc.nat({ max: 3 }), usd: unit, min: unit }) },
  { weight: 5, arbitrary: fc.record({ k: fc.constant('removeLiquidity' as const), trader: fc.nat({ max: 3 }), pool: unit, token: fc.nat({ max: 3 }), fraction: unit, min: unit }) },
  { weight: 5, arbitrary: fc.record({ k: fc.constant('placeOrder' as const), trader: fc.nat({ max: 3 }), market: fc.nat({ max: 5 }), side: fc.nat({ max: 1 }), posted: unit, size: unit, usd: unit, lev: unit, levKind: unit, slip: unit, tpsl: unit, trigger: unit, triggerKind: unit, slot: unit }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('cancelOrder' as const), order: pick, who: unit }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('fillOrder' as const), order: pick, prefer: unit }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('toTrigger' as const), order: pick, offset: fc.integer({ min: -1, max: 1 }) }) },
  { weight: 5, arbitrary: fc.record({ k: fc.constant('swap' as const), trader: fc.nat({ max: 3 }), tokenIn: fc.nat({ max: 3 }), tokenOut: fc.nat({ max: 3 }), usd: unit, min: unit, odd: unit }) },
);

export type Intent = typeof intentArb extends fc.Arbitrary<infer T> ? T : never;

/** The context intents resolve in. */
export interface Resolver {
  base: Base;
  book: Book;
  model: ModelState;
}

/** A stable order, whatever the (random) addresses of this process's traders: trader index, then the rest. */
function rank(r: Resolver, owner: string, rest: string): string {
  return `${r.base.traders.findIndex((t) => t.address === owner)}:${rest}`;
}

function orders(r: Resolver): OrderRecord[] {
  return Object.values(r.model.orders).sort((a, b) => rank(r, a.owner, String(a.slot).padStart(2, '0')).localeCompare(rank(r, b.owner, String(b.slot).padStart(2, '0'))));
}

function positions(r: Resolver): PositionRecord[] {
  const key = (p: PositionRecord) => rank(r, p.owner, `${MARKET_IDS.indexOf(p.market)}:${p.state.side}`);
  return Object.values(r.model.positions).sort((a, b) => key(a).localeCompare(key(b)));
}

function leverage(market: MarketId, lev: number, kind: number): bigint {
  const max = MARKETS[market].maxInitialLeverageBps;
  if (kind < 150_000) return [10_999n, 11_000n, max, max + 1n, 100_000n, 1_000_000n][kind % 6]!;
  const lo = kind < 550_000 ? max / 2n : 11_000n;
  return lo + ((max - lo) * BigInt(lev)) / 1_000_000n;
}

/**
 * Collateral in micro-dollars: mostly $10–$20,000; some under $10 (refused), some large; and "whales" sized at
 * 30–100% of the market's maximum position at this leverage, which fill the open-interest caps and the free
 * liquidity (RWALP's $1M of USDC is less than its markets' caps).
 */
function collateralUsd(market: MarketId, leverageBps: bigint, size: number, u: number): bigint {
  if (size < 20_000) return 0n;
  if (size < 120_000) return logUsd(u, 1, 10);
  if (size < 170_000) return logUsd(u, 1_000, 60_000);
  if (size < 270_000) return (MARKETS[market].maxPositionUsd * BigInt(300_000 + Math.floor((u * 7) / 10)) * BPS) / (1_000_000n * (leverageBps > 0n ? leverageBps : 1n));
  return logUsd(u, 10, 20_000);
}

function acceptable(side: Side, mark: bigint, slip: number, closing: boolean): bigint | undefined {
  if (slip < 750_000) return undefined;
  if (slip < 900_000) return mark;
  // One unit on the refused side: a long opens above, closes below, its acceptable price (a short mirrored).
  const up = (side === 'long') !== closing;
  return up ? mark - 1n : mark + 1n;
}

function openAction(r: Resolver, owner: Address, market: MarketId, side: Side, i: { posted: number; size: number; usd: number; lev: number; levKind: number; slip: number; tpsl?: number }): Action {
  const s = r.model;
  const m = MARKETS[market];
  let posted: TokenId = 'USDC';
  if (m.pool === 'ALP' && side === 'long') posted = i.posted < 600_000 ? lockToken(market, side) : i.posted < 970_000 ? 'USDC' : market === 'BTC' ? 'SOL' : 'WBTC';
  else if (m.pool === 'ALP' && i.posted > 970_000) posted = 'SOL';
  const mark = s.feeds[m.feed].price;
  const leverageBps = leverage(market, i.lev, i.levKind);
  const action: Action = {
    kind: 'open',
    owner: owner,
    market,
    side,
    postedToken: posted,
    amount: tokensFor(s, posted, collateralUsd(market, leverageBps, i.size, i.usd)),
    leverageBps,
  };
  const ap = acceptable(side, mark, i.slip, false);
  if (ap !== undefined) action.acceptablePrice = ap;
  const t = i.tpsl ?? 0;
  if (t > 900_000) action.takeProfit = side === 'long' ? (mark * 11n) / 10n : (mark * 9n) / 10n;
  if (t > 950_000) action.stopLoss = side === 'long' ? (mark * 97n) / 100n : (mark * 103n) / 100n;
  if (t > 985_000) action.takeProfit = mark;
  return action;
}

/** The existing position `n` points to, or a missing one of trader `n % 4`. */
function target(r: Resolver, n: number): { owner: Address; market: MarketId; side: Side; p: PositionRecord | undefined } {
  const list = positions(r);
  if (list.length > 0 && n % 25 !== 0) {
    const p = list[n % list.length]!;
    return { owner: p.owner, market: p.market, side: p.state.side, p };
  }
  const owner = r.base.traders[n % 4]!.address;
  const market = MARKET_IDS[n % 6]!;
  const side = SIDES[n % 2]!;
  return { owner, market, side, p: r.model.positions[positionKey(owner, market, side)] };
}

/** The signer: the position's owner, or (3%) another trader (NOT_OWNER). */
function signer(r: Resolver, owner: Address, who: number): Address {
  if (who < 970_000) return owner;
  const others = r.base.traders.filter((t) => t.address !== owner);
  return others[who % others.length]!.address;
}

/** An amount out the model predicts for `action` with no minimum; `min` picks 0, exactly that, or one more. */
function withMin<A extends Action>(r: Resolver, action: A, field: 'minLpOut' | 'minAmountOut', min: number): A {
  if (min < 850_000) return action;
  const { outcome } = applyAction(r.model, r.book, action);
  if (!outcome.ok) return action;
  const e = outcome.events[0];
  const out = e && 'amountOut' in e ? e.amountOut : 0n;
  return { ...action, [field]: min < 950_000 ? out : out + 1n };
}

function refreshAll(s: ModelState, changed: Partial<Record<FeedId, bigint>> = {}): Action {
  const prices: Partial<Record<FeedId, bigint>> = {};
  for (const f of FEED_IDS) prices[f] = changed[f] ?? s.feeds[f].price;
  return { kind: 'setPrices', prices };
}

/** Turns one intent into the actions it stands for, in the model's current state. */
export function resolve(r: Resolver, i: Intent): Action[] {
  const s = r.model;
  const traders = r.base.traders;
  if ('pick' in i && Object.keys(s.positions).length === 0 && i.pick % 5 !== 0) {
    // nothing to act on yet: open something instead (most intents of an empty book would only find NOT_FOUND)
    const n = i.pick;
    const o = { posted: (n * 997) % 1_000_000, size: 500_000, usd: (n * 613) % 1_000_000, lev: (n * 331) % 1_000_000, levKind: 600_000, slip: 0 };
    return [openAction(r, traders[n % 3]!.address, MARKET_IDS[n % 6]!, SIDES[(n >> 1) % 2]!, o)];
  }
  if ((i.k === 'cancelOrder' || i.k === 'fillOrder') && Object.keys(s.orders).length === 0 && i.order % 5 !== 0) {
    // no order yet: place one (a short waiting 1–8% above the mark, or a long below it)
    const n = i.order;
    const o = { k: 'placeOrder' as const, trader: n % 3, market: n % 6, side: (n >> 1) % 2, posted: (n * 997) % 1_000_000, size: 500_000, usd: (n * 613) % 1_000_000, lev: (n * 331) % 1_000_000, levKind: 600_000, slip: 0, tpsl: 0, trigger: (n * 7_919) % 80_001, triggerKind: 0, slot: 0 };
    return resolve(r, o);
  }
  switch (i.k) {
    case 'open':
      return [openAction(r, traders[i.trader]!.address, MARKET_IDS[i.market]!, SIDES[i.side]!, i)];
    case 'increase': {
      const t = target(r, i.pick);
      return [openAction(r, t.owner, t.market, t.side, { ...i, size: Math.max(i.size, 170_000) })];
    }
    case 'close': {
      const t = target(r, i.pick);
      let fractionBps = 10_000n;
      if (i.fractionKind < 450_000) fractionBps = 1n + BigInt(Math.floor((i.fraction * 9_999) / 1_000_000));
      else if (i.fractionKind < 500_000 && t.p) {
        // close so that about $10 of collateral remains: just above or just below the minimum
        const c = t.p.state.collateralUsd;
        const keep = PROTOCOL.minCollateralUsd + BigInt(i.fraction % 3) - 1n;
        fractionBps = c > keep ? ((c - keep) * BPS) / c : 1n;
        if (fractionBps <= 0n) fractionBps = 1n;
      } else if (i.fractionKind > 970_000) fractionBps = i.fraction % 2 === 0 ? 0n : 10_001n;
      const action: Action = { kind: 'close', owner: signer(r, t.owner, i.who), positionOwner: t.owner, market: t.market, side: t.side, fractionBps };
      const ap = acceptable(t.side, s.feeds[MARKETS[t.market].feed].price, i.slip, true);
      if (ap !== undefined) action.acceptablePrice = ap;
      return [action];
    }
    case 'addCollateral': {
      const t = target(r, i.pick);
      const token = lockToken(t.market, t.side);
      return [{ kind: 'addCollateral', owner: signer(r, t.owner, i.who), positionOwner: t.owner, market: t.market, side: t.side, amount: tokensFor(s, token, logUsd(i.usd, 0.000001, 5_000)) }];
    }
    case 'removeCollateral': {
      const t = target(r, i.pick);
      const free = t.p ? t.p.state.collateralUsd - PROTOCOL.minCollateralUsd : 1_000_000n;
      let amountUsd = free > 0n ? (free * BigInt(i.fraction)) / 900_000n : BigInt(i.fraction);
      if (i.fraction > 990_000) amountUsd = 0n;
      return [{ kind: 'removeCollateral', owner: signer(r, t.owner, i.who), positionOwner: t.owner, market: t.market, side: t.side, amountUsd }];
    }
    case 'setTpSl': {
      const t = target(r, i.pick);
      const mark = s.feeds[MARKETS[t.market].feed].price;
      const long = t.side === 'long';
      let takeProfit: bigint | null = null;
      if (i.tp > 300_000) takeProfit = long ? mark + 1n + (mark * BigInt(i.tp % 500)) / 1_000n : mark - 1n - (mark * BigInt(i.tp % 500)) / 1_000n;
      if (i.tp > 950_000) takeProfit = mark;
      let stopLoss: bigint | null = null;
      if (i.sl > 300_000 && t.p) {
        const liq = positionNow(s, t.p).liquidationPrice;
        // a level at `sl‰` of the way from the liquidation price to the mark (0 and 1000 are refused: strict)
        const frac = BigInt(i.sl % 1_001);
        stopLoss = liq + ((mark - liq) * frac) / 1_000n;
        if (stopLoss <= 0n) stopLoss = null;
      }
      return [{ kind: 'setTpSl', owner: signer(r, t.owner, i.who), positionOwner: t.owner, market: t.market, side: t.side, takeProfit, stopLoss }];
    }
    case 'executeTpSl': {
      const withTrigger = positions(r).filter((p) => p.takeProfit !== null || p.stopLoss !== null);
      const p = withTrigger.length > 0 ? withTrigger[i.pick % withTrigger.length]! : target(r, i.pick).p;
      if (!p) return [];
      return [{ kind: 'executeTpSl', positionOwner: p.owner, market: p.market, side: p.state.side, trigger: i.which ? 'takeProfit' : 'stopLoss' }];
    }
    case 'liquidate': {
      const liquidatable = positions(r).filter((p) => positionNow(s, p).liquidatable);
      if (i.prefer < 700_000 && liquidatable.length > 0) {
        const p = liquidatable[i.pick % liquidatable.length]!;
        return [{ kind: 'liquidate', positionOwner: p.owner, market: p.market, side: p.state.side }];
      }
      const t = target(r, i.pick);
      return [{ kind: 'liquidate', positionOwner: t.owner, market: t.market, side: t.side }];
    }
    case 'keeper':
      return positions(r)
        .filter((p) => positionNow(s, p).liquidatable)
        .map((p) => ({ kind: 'liquidate', positionOwner: p.owner, market: p.market, side: p.state.side }));
    case 'crowd': {
      // the three rich traders open near the maximum position on one side: open-interest caps, free liquidity
      const market = MARKET_IDS[i.market]!;
      const side = SIDES[i.side]!;
      const m = MARKETS[market];
      const leverageBps = m.maxInitialLeverageBps / 2n + ((m.maxInitialLeverageBps / 2n) * BigInt(i.lev)) / 1_000_000n;
      const size = (m.maxPositionUsd * BigInt(850_000 + Math.floor((i.frac * 15) / 100))) / 1_000_000n;
      const posted = lockToken(market, side);
      return traders.slice(0, 3).map((t) => ({ kind: 'open', owner: t.address, market, side, postedToken: posted, amount: tokensFor(s, posted, (size * BPS) / leverageBps), leverageBps }));
    }
    case 'toTpSl': {
      // the price set at a take profit or stop loss (offset +1: one unit short of it, 0: at it, −1: past it)
      const list = positions(r).filter((p) => (i.which ? p.takeProfit : p.stopLoss) !== null);
      if (list.length === 0) return [];
      const p = list[i.pick % list.length]!;
      const level = (i.which ? p.takeProfit : p.stopLoss)!;
      const beyond = (p.state.side === 'long') === i.which ? 1n : -1n;
      const price = level - beyond * BigInt(i.offset);
      if (price <= 0n) return [];
      return [refreshAll(s, { [MARKETS[p.market].feed]: price }), { kind: 'executeTpSl', positionOwner: p.owner, market: p.market, side: p.state.side, trigger: i.which ? 'takeProfit' : 'stopLoss' }];
    }
    case 'toLiquidation': {
      const list = positions(r);
      if (list.length === 0) return [];
      const p = list[i.pick % list.length]!;
      const feed = MARKETS[p.market].feed;
      const mark = s.feeds[feed].price;
      const liq = positionNow(s, p).liquidationPrice;
      if (liq <= 1n || liq * 3n < mark || liq > mark * 3n) return [{ kind: 'liquidate', positionOwner: p.owner, market: p.market, side: p.state.side }];
      // offset +1 is one unit on the safe side (not liquidatable), 0 the boundary, −1 one unit past it
      const safe = p.state.side === 'long' ? 1n : -1n;
      return [refreshAll(s, { [feed]: liq + safe * BigInt(i.offset) }), { kind: 'liquidate', positionOwner: p.owner, market: p.market, side: p.state.side }];
    }
    case 'prices': {
      const changed: Partial<Record<FeedId, bigint>> = {};
      for (const [f, bps] of i.moves) {
        const feed = FEEDS_MOVED[f]!;
        const g = GENESIS.prices[feed];
        let next = ((changed[feed] ?? s.feeds[feed].price) * (10_000n + BigInt(bps))) / 10_000n;
        if (next < g / 10n) next = g / 10n;
        if (next > g * 10n) next = g * 10n;
        changed[feed] = next;
      }
      return [i.refresh < 800_000 ? refreshAll(s, changed) : { kind: 'setPrices', prices: changed }];
    }
    case 'advance': {
      const seconds = i.span < 500_000 ? logUsd(i.u, 1, 600) / 1_000_000n : i.span < 850_000 ? logUsd(i.u, 600, 86_400) / 1_000_000n : logUsd(i.u, 86_400, 3 * 86_400) / 1_000_000n;
      const out: Action[] = [{ kind: 'advance', seconds: seconds > 0n ? seconds : 1n }];
      if (i.refresh < 850_000) out.push(refreshAll(s));
      return out;
    }
    case 'addLiquidity': {
      const pool: PoolId = i.pool < 750_000 ? 'ALP' : 'RWALP';
      const token = POOLS[pool].custodies[i.token % POOLS[pool].custodies.length]!;
      const action: Action = { kind: 'addLiquidity', owner: traders[i.trader]!.address, pool, token, amount: tokensFor(s, token, logUsd(i.usd, 0.01, 3_000_000)), minLpOut: 0n };
      return [withMin(r, action, 'minLpOut', i.min)];
    }
    case 'removeLiquidity': {
      const pool: PoolId = i.pool < 700_000 ? 'ALP' : 'RWALP';
      const token = POOLS[pool].custodies[i.token % POOLS[pool].custodies.length]!;
      // mostly a trader who holds some LP of the pool (0 and 1 were given genesis LP)
      const holders = traders.filter((t) => s.wallets[t.address]![pool] > 0n);
      const owner = (i.fraction % 10 < 8 && holders.length > 0 ? holders[i.trader % holders.length]! : traders[i.trader]!).address;
      const balance = s.wallets[owner]![pool];
      let lpAmount = (balance * BigInt(i.fraction)) / 950_000n;
      if (i.fraction < 10_000) lpAmount = 0n;
      if (i.fraction > 990_000) lpAmount = balance + 1n;
      const action: Action = { kind: 'removeLiquidity', owner, pool, token, lpAmount, minAmountOut: 0n };
      return [withMin(r, action, 'minAmountOut', i.min)];
    }
    case 'placeOrder': {
      const owner = traders[i.trader]!.address;
      const market = MARKET_IDS[i.market]!;
      const side = SIDES[i.side]!;
      const o = openAction(r, owner, market, side, i);
      if (o.kind !== 'open') return [];
      const mark = s.feeds[MARKETS[market].feed].price;
      const long = side === 'long';
      let triggerPrice: bigint;
      if (i.triggerKind < 850_000) {
        const d = (mark * BigInt(i.trigger % 80_001)) / 1_000_000n;
        triggerPrice = long ? mark - d : mark + d;
      } else if (i.triggerKind < 900_000) triggerPrice = mark;
      else if (i.triggerKind < 950_000) triggerPrice = long ? mark + 1n : mark - 1n;
      else if (i.triggerKind < 980_000) triggerPrice = long ? mark / 100n - 1n : mark * 100n + 100n;
      else triggerPrice = 0n;
      const used = new Set(orders(r).filter((x) => x.owner === owner).map((x) => x.slot));
      const free = [...Array(ORDER_SLOTS).keys()].find((n) => !used.has(n));
      let slot = free ?? ORDER_SLOTS;
      if (i.slot > 950_000) slot = ORDER_SLOTS;
      else if (i.slot > 900_000 && used.size > 0) slot = [...used][0]!;
      const { kind: _kind, ...rest } = o;
      return [{ ...rest, kind: 'placeOrder', slot, triggerPrice: triggerPrice < 0n ? 0n : triggerPrice }];
    }
    case 'cancelOrder': {
      const list = orders(r);
      if (list.length === 0) return [{ kind: 'cancelOrder', owner: traders[i.order % 4]!.address, orderOwner: traders[i.order % 4]!.address, slot: i.order % ORDER_SLOTS }];
      const o = list[i.order % list.length]!;
      return [{ kind: 'cancelOrder', owner: signer(r, o.owner, i.who), orderOwner: o.owner, slot: o.slot }];
    }
    case 'fillOrder': {
      const list = orders(r);
      const hit = list.filter((o) => isLimitOrderHit({ side: o.side, price: s.feeds[MARKETS[o.market].feed].price, trigger: o.triggerPrice }));
      const from = i.prefer < 700_000 && hit.length > 0 ? hit : list;
      if (from.length === 0) return [{ kind: 'fillOrder', orderOwner: traders[i.order % 4]!.address, slot: i.order % ORDER_SLOTS }];
      const o = from[i.order % from.length]!;
      return [{ kind: 'fillOrder', orderOwner: o.owner, slot: o.slot }];
    }
    case 'toTrigger': {
      const list = orders(r);
      if (list.length === 0) return [];
      const o = list[i.order % list.length]!;
      // offset +1 one unit on the waiting side (not filled), 0 the trigger itself, −1 one unit past it
      const waiting = o.side === 'long' ? 1n : -1n;
      const price = o.triggerPrice + waiting * BigInt(i.offset);
      if (price <= 0n) return [];
      return [refreshAll(s, { [MARKETS[o.market].feed]: price }), { kind: 'fillOrder', orderOwner: o.owner, slot: o.slot }];
    }
    case 'swap': {
      const tokens = POOLS.ALP.custodies;
      const tokenIn = tokens[i.tokenIn]!;
      let tokenOut = tokens[i.tokenOut]!;
      if (tokenOut === tokenIn && i.odd < 900_000) tokenOut = tokens[(i.tokenOut + 1) % 4]!;
      const pool: PoolId = i.odd > 985_000 ? 'RWALP' : 'ALP';
      const action: Action =
        pool === 'RWALP'
          ? { kind: 'swap', owner: traders[i.trader]!.address, pool, tokenIn: 'USDC', tokenOut: 'USDC', amountIn: 1_000_000n, minAmountOut: 0n }
          : { kind: 'swap', owner: traders[i.trader]!.address, pool, tokenIn, tokenOut, amountIn: tokensFor(s, tokenIn, logUsd(i.usd, 0.001, 2_000_000)), minAmountOut: 0n };
      return [withMin(r, action, 'minAmountOut', i.min)];
    }
  }
}