/**
 * One shape for what the chain holds and what the model says it holds, so a step compares them with one deep
 * equality: every custody (state and vault balance = owned + collateral), LP supplies, every market side
 * aggregate, every position account (all fields), every trader's token and LP balances, every feed.
 */
import type { Address } from '@solana/kit';
import { FEED_IDS, MARKET_IDS, POOL_IDS, SIDES, TOKEN_IDS, type MarketId, type PoolId, type Side, type TokenId } from '@/lib/math/ids';
import { MARKETS, POOLS, lockToken } from '@/lib/math/params';
import type { SideAggregate } from '@/lib/math/aggregates';
import type { PositionState } from '@/lib/math/position';
import { decodeCustody, decodeMarket, decodeMintSupply, decodeOrder, decodePosition, decodePrice } from '@/lib/chain/accounts';
import { custodyOf, vaultOf } from '@/lib/chain/addresses';
import { ASSETS, ORDER_SLOTS, accountOf, orderKey, positionKey, type Asset, type Chain } from './harness';
import { aggregateKey, custodyKey, type CustodyState, type FeedState, type ModelState } from './model-state';

export interface PositionView {
  owner: Address;
  market: Address;
  custody: Address;
  state: PositionState;
  takeProfit: bigint | null;
  stopLoss: bigint | null;
  openedAt: bigint;
  updatedAt: bigint;
}

export interface OrderView {
  owner: Address;
  market: Address;
  collateralCustody: Address;
  escrow: Address;
  side: Side;
  slot: number;
  collateralAmount: bigint;
  leverageBps: bigint;
  triggerPrice: bigint;
  acceptablePrice: bigint | null;
  takeProfit: bigint | null;
  stopLoss: bigint | null;
  createdAt: bigint;
}

export interface StateView {
  custodies: Record<string, CustodyState & { vault: bigint }>;
  lpSupply: Partial<Record<PoolId, bigint>>;
  aggregates: Record<string, SideAggregate>;
  positions: Record<string, PositionView>;
  orders: Record<string, OrderView>;
  /** Escrow vault balances per token (= Σ its orders' collateral). */
  escrows: Partial<Record<TokenId, bigint>>;
  wallets: Record<string, Record<Asset, bigint>>;
  feeds: Record<string, FeedState>;
}

function custodyState(chain: Chain, pool: PoolId, token: (typeof POOLS)[PoolId]['custodies'][number]): CustodyState {
  const c = decodeCustody(chain.data(custodyOf(chain.addresses, pool, token))!);
  return { owned: c.owned, locked: c.locked, collateral: c.collateral, cumulativeInterest: c.cumulativeInterest, rateHourly: c.rateHourly, lastAccrualS: c.lastAccrualS };
}

/**
 * What one step compares besides the pools and markets (always whole): the wallets of some traders, some positions
 * (keys) and the feeds. `undefined` everywhere: everything.
 */
export interface Scope {
  /** Pools whose custodies, vaults, LP supply and markets are compared. */
  pools?: readonly PoolId[];
  traders?: readonly string[];
  positions?: readonly string[];
  /** Order keys (orderKey) compared, and whether the escrows are. */
  orders?: readonly string[];
  escrows?: boolean;
  feeds?: boolean;
}

/** Everything the model keeps (within `scope`), decoded from the chain. */
export function chainView(chain: Chain, scope: Scope = {}): StateView {
  const a = chain.addresses;
  const view: StateView = { custodies: {}, lpSupply: {}, aggregates: {}, positions: {}, orders: {}, escrows: {}, wallets: {}, feeds: {} };
  for (const pool of POOL_IDS) {
    if (scope.pools && !scope.pools.includes(pool)) continue;
    for (const token of POOLS[pool].custodies) view.custodies[custodyKey(pool, token)] = { ...custodyState(chain, pool, token), vault: chain.tokenBalance(vaultOf(a, pool, token)) };
    view.lpSupply[pool] = decodeMintSupply(chain.data(a.lpMints[pool])!).supply;
  }
  for (const market of MARKET_IDS) {
    if (scope.pools && !scope.pools.includes(MARKETS[market].pool)) continue;
    const m = decodeMarket(chain.data(a.markets[market])!);
    view.aggregates[aggregateKey(market, 'long')] = m.long;
    view.aggregates[aggregateKey(market, 'short')] = m.short;
  }
  for (const t of chain.base.traders) {
    if (scope.traders && !scope.traders.includes(t.address)) continue;
    view.wallets[t.address] = Object.fromEntries(ASSETS.map((asset) => [asset, chain.tokenBalance(accountOf(t, asset))])) as Record<Asset, bigint>;
  }
  for (const t of chain.base.traders) {
    for (const market of MARKET_IDS) {
      for (const side of SIDES) {
        const key = positionKey(t.address, market, side);
        if (scope.positions && !scope.positions.includes(key)) continue;
        const data = chain.data(chain.base.positions[key]!);
        if (!data) continue;
        const p = decodePosition(data);
        view.positions[key] = { owner: p.owner, market: p.market, custody: p.custody, state: p.state, takeProfit: p.takeProfit, stopLoss: p.stopLoss, openedAt: p.openedAt, updatedAt: p.updatedAt };
      }
    }
  }
  for (const t of chain.base.traders) {
    for (let slot = 0; slot < ORDER_SLOTS; slot++) {
      const key = orderKey(t.address, slot);
      if (scope.orders && !scope.orders.includes(key)) continue;
      const data = chain.data(chain.base.orders[key]!);
      if (!data) continue;
      const { bump: _bump, positionBump: _positionBump, ...o } = decodeOrder(data);
      view.orders[key] = o;
    }
  }
  if (scope.escrows !== false) for (const token of TOKEN_IDS) view.escrows[token] = chain.tokenBalance(a.escrows[token]);
  for (const feed of scope.feeds === false ? [] : FEED_IDS) {
    const p = decodePrice(chain.data(a.oracles[feed])!);
    view.feeds[feed] = { price: p.price, publishTime: p.publishTime };
  }
  return view;
}

/** The model seeded from the chain's decoded accounts (genesis, or any state). */
export function seedModel(chain: Chain): ModelState {
  const v = chainView(chain);
  const custodies: ModelState['custodies'] = {};
  for (const [key, { vault: _vault, ...c }] of Object.entries(v.custodies)) custodies[key] = c;
  const positions: ModelState['positions'] = {};
  for (const [key, p] of Object.entries(v.positions)) {
    const market = MARKET_IDS.find((m) => chain.addresses.markets[m] === p.market)!;
    positions[key] = { owner: p.owner, market, state: p.state, takeProfit: p.takeProfit, stopLoss: p.stopLoss, openedAt: p.openedAt, updatedAt: p.updatedAt };
  }
  const orders: ModelState['orders'] = {};
  for (const [key, o] of Object.entries(v.orders)) {
    const market = MARKET_IDS.find((m) => chain.addresses.markets[m] === o.market)!;
    const postedToken = TOKEN_IDS.find((t) => chain.addresses.escrows[t] === o.escrow)!;
    orders[key] = { owner: o.owner, market, side: o.side, postedToken, slot: o.slot, collateralAmount: o.collateralAmount, leverageBps: o.leverageBps, triggerPrice: o.triggerPrice, acceptablePrice: o.acceptablePrice, takeProfit: o.takeProfit, stopLoss: o.stopLoss, createdAt: o.createdAt };
  }
  return {
    orders,
    nowS: chain.nowS(),
    maxPriceAgeS: chain.base.maxPriceAgeS,
    feeds: v.feeds as ModelState['feeds'],
    custodies,
    lpSupply: { ALP: v.lpSupply.ALP!, RWALP: v.lpSupply.RWALP! },
    aggregates: v.aggregates,
    positions,
    wallets: v.wallets,
  };
}

/** The model's state in the chain's shape (within `scope`). */
export function modelView(s: ModelState, chain: Chain, scope: Scope = {}): StateView {
  const a = chain.addresses;
  const custodies: StateView['custodies'] = {};
  const inPool = (pool: PoolId) => !scope.pools || scope.pools.includes(pool);
  for (const [key, c] of Object.entries(s.custodies)) if (inPool(key.split(':')[0] as PoolId)) custodies[key] = { ...c, vault: c.owned + c.collateral };
  const positions: StateView['positions'] = {};
  for (const [key, p] of Object.entries(s.positions)) {
    if (scope.positions && !scope.positions.includes(key)) continue;
    const pool = MARKETS[p.market].pool;
    positions[key] = {
      owner: p.owner,
      market: a.markets[p.market],
      custody: custodyOf(a, pool, lockToken(p.market, p.state.side)),
      state: p.state,
      takeProfit: p.takeProfit,
      stopLoss: p.stopLoss,
      openedAt: p.openedAt,
      updatedAt: p.updatedAt,
    };
  }
  const wallets = Object.fromEntries(Object.entries(s.wallets).filter(([owner]) => !scope.traders || scope.traders.includes(owner)));
  const orders: StateView['orders'] = {};
  for (const [key, o] of Object.entries(s.orders)) {
    if (scope.orders && !scope.orders.includes(key)) continue;
    orders[key] = {
      owner: o.owner,
      market: a.markets[o.market],
      collateralCustody: custodyOf(a, MARKETS[o.market].pool, o.postedToken),
      escrow: a.escrows[o.postedToken],
      side: o.side,
      slot: o.slot,
      collateralAmount: o.collateralAmount,
      leverageBps: o.leverageBps,
      triggerPrice: o.triggerPrice,
      acceptablePrice: o.acceptablePrice,
      takeProfit: o.takeProfit,
      stopLoss: o.stopLoss,
      createdAt: o.createdAt,
    };
  }
  const escrows: StateView['escrows'] = {};
  if (scope.escrows !== false) {
    for (const token of TOKEN_IDS) escrows[token] = Object.values(s.orders).reduce((sum, o) => sum + (o.postedToken === token ? o.collateralAmount : 0n), 0n);
  }
  const lpSupply = Object.fromEntries(POOL_IDS.filter(inPool).map((p) => [p, s.lpSupply[p]]));
  const aggregates = Object.fromEntries(Object.entries(s.aggregates).filter(([key]) => inPool(MARKETS[key.split(':')[0] as MarketId].pool)));
  return { custodies, lpSupply, aggregates, positions, orders, escrows, wallets, feeds: scope.feeds === false ? {} : s.feeds };
}
