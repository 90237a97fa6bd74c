/**
 * The keeper's index of the program's positions and orders (fed from ChainState: the decoded accounts and their
 * changes): per market a LiquidationBook per side and one TriggerBook of take profits, stop losses and limit
 * orders (exact triggers: they do not move with time). Keys are account addresses.
 */
import type { Address } from '@solana/kit';
import { MARKET_IDS, SIDES, type MarketId, type Side, type TokenId } from '@/lib/math/ids';
import { MARKETS, lockToken } from '@/lib/math/params';
import { liquidationPrice } from '@/lib/math/liquidation';
import { positionBorrowFeeUsd } from '@/lib/math/position';
import type { OrderAccount, PositionAccount } from '@/lib/chain/accounts';
import type { ChainIds } from '@/lib/chain-runtime/ids';
import type { ChainSnapshot } from '@/lib/chain-runtime/snapshot';
import { LiquidationBook } from './liquidation-book';
import { TriggerBook, type TriggerEntry } from './trigger-book';

export interface TrackedPosition {
  address: Address;
  account: PositionAccount;
  market: MarketId;
  side: Side;
}

export interface TrackedOrder {
  address: Address;
  account: OrderAccount;
  market: MarketId;
  side: Side;
  postedToken: TokenId;
}

/** What pricing a liquidation needs at one moment: each lock custody's interest now, each market's parameter. */
export interface Pricing {
  interest(market: MarketId, side: Side): bigint;
  liquidationLeverageBps(market: MarketId): bigint;
}

/** Pricing at a snapshot's clock (interest accrued to the chain's now, as the program does), cached per call. */
export function pricingAt(snapshot: ChainSnapshot): Pricing {
  const interest = new Map<string, bigint>();
  return {
    interest(market, side) {
      const pool = MARKETS[market].pool;
      const token = lockToken(market, side);
      const key = `${pool}:${token}`;
      let v = interest.get(key);
      if (v === undefined) interest.set(key, (v = snapshot.interestNow(pool, token)));
      return v;
    },
    liquidationLeverageBps(market) {
      return snapshot.state.markets.get(snapshot.state.addresses.markets[market])?.liquidationLeverageBps ?? MARKETS[market].liquidationLeverageBps;
    },
  };
}

/**
 * The program's liquidation price (settle.rs check_condition): lib/math's §6 formula with the borrow fee at the lock
 * custody's cumulative interest `interest` (positionMetrics' composition, without its PnL and leverage).
 */
export function liquidationPriceAt(p: PositionAccount, liquidationLeverageBps: bigint, interest: bigint): bigint {
  const s = p.state;
  return liquidationPrice({
    side: s.side,
    sizeUsd: s.sizeUsd,
    collateralUsd: s.collateralUsd,
    entryPrice: s.entryPrice,
    liquidationLeverageBps,
    liquidationFeeUsd: s.liquidationFeeUsd,
    borrowFeeUsd: positionBorrowFeeUsd({ position: s, cumulativeInterest: interest }),
  });
}

const tpKey = (a: Address) => `tp:${a}`;
const slKey = (a: Address) => `sl:${a}`;
const orderKey = (a: Address) => `o:${a}`;

export class KeeperBooks {
  readonly positions = new Map<Address, TrackedPosition>();
  readonly orders = new Map<Address, TrackedOrder>();
  private readonly liq = new Map<string, LiquidationBook>();
  private readonly triggers = new Map<MarketId, TriggerBook>();

  constructor(private readonly ids: ChainIds) {
    for (const m of MARKET_IDS) {
      this.triggers.set(m, new TriggerBook());
      for (const s of SIDES) this.liq.set(`${m}:${s}`, new LiquidationBook(s));
    }
  }

  liquidations(market: MarketId, side: Side): LiquidationBook {
    return this.liq.get(`${market}:${side}`)!;
  }

  triggerBook(market: MarketId): TriggerBook {
    return this.triggers.get(market)!;
  }

  get size(): number {
    return this.positions.size + this.orders.size;
  }

  private track(address: Address, account: PositionAccount): TrackedPosition | undefined {
    const market = this.ids.market(account.market);
    if (!market) return undefined;
    const t: TrackedPosition = { address, account, market, side: account.state.side };
    this.positions.set(address, t);
    return t;
  }

  private triggerEntries(t: TrackedPosition): TriggerEntry[] {
    const long = t.side === 'long';
    const out: TriggerEntry[] = [];
    const p = t.account;
    if (p.takeProfit !== null) out.push({ key: tpKey(t.address), id: t.address, kind: 'takeProfit', trigger: p.takeProfit, direction: long ? 'above' : 'below' });
    if (p.stopLoss !== null) out.push({ key: slKey(t.address), id: t.address, kind: 'stopLoss', trigger: p.stopLoss, direction: long ? 'below' : 'above' });
    return out;
  }

  /** Inserts or re-prices a position: O(log n). */
  setPosition(address: Address, account: PositionAccount, pricing: Pricing): void {
    const previous = this.positions.get(address);
    if (previous && (previous.market !== this.ids.market(account.market) || previous.side !== account.state.side)) this.deletePosition(address);
    const t = this.track(address, account);
    if (!t) return;
    this.priceLiquidation(t, pricing);
    this.triggerBook(t.market).setOwner(`p:${address}`, this.triggerEntries(t));
  }

  private priceLiquidation(t: TrackedPosition, pricing: Pricing): void {
    const interest = pricing.interest(t.market, t.side);
    const trigger = liquidationPriceAt(t.account, pricing.liquidationLeverageBps(t.market), interest);
    this.liquidations(t.market, t.side).set(t.address, trigger, interest, t.account.state.entryPrice, t.account.state.sizeUsd);
  }

  deletePosition(address: Address): TrackedPosition | undefined {
    const t = this.positions.get(address);
    if (!t) return undefined;
    this.positions.delete(address);
    this.liquidations(t.market, t.side).delete(address);
    this.triggerBook(t.market).deleteOwner(`p:${address}`);
    return t;
  }

  setOrder(address: Address, account: OrderAccount): void {
    const market = this.ids.market(account.market);
    const postedToken = this.ids.custody(account.collateralCustody)?.token;
    this.deleteOrder(address);
    if (!market || !postedToken) return;
    this.orders.set(address, { address, account, market, side: account.side, postedToken });
    this.triggerBook(market).setOwner(`o:${address}`, [
      { key: orderKey(address), id: address, kind: 'order', trigger: account.triggerPrice, direction: account.side === 'long' ? 'below' : 'above' },
    ]);
  }

  deleteOrder(address: Address): TrackedOrder | undefined {
    const t = this.orders.get(address);
    if (!t) return undefined;
    this.orders.delete(address);
    this.triggerBook(t.market).deleteOwner(`o:${address}`);
    return t;
  }

  /** Replaces everything (keeper start): one sort per book. */
  load(positions: Iterable<readonly [Address, PositionAccount]>, orders: Iterable<readonly [Address, OrderAccount]>, pricing: Pricing): void {
    this.positions.clear();
    this.orders.clear();
    const liq = new Map<string, { key: string; trigger: bigint; interestRef: bigint; entryPrice: bigint; sizeUsd: bigint }[]>();
    const triggers = new Map<MarketId, TriggerEntry[]>(MARKET_IDS.map((m) => [m, []]));
    for (const [address, account] of positions) {
      const t = this.track(address, account);
      if (!t) continue;
      const interest = pricing.interest(t.market, t.side);
      const key = `${t.market}:${t.side}`;
      let list = liq.get(key);
      if (!list) liq.set(key, (list = []));
      list.push({ key: address, trigger: liquidationPriceAt(account, pricing.liquidationLeverageBps(t.market), interest), interestRef: interest, entryPrice: account.state.entryPrice, sizeUsd: account.state.sizeUsd });
      triggers.get(t.market)!.push(...this.triggerEntries(t));
    }
    for (const [address, account] of orders) {
      const market = this.ids.market(account.market);
      const postedToken = this.ids.custody(account.collateralCustody)?.token;
      if (!market || !postedToken) continue;
      this.orders.set(address, { address, account, market, side: account.side, postedToken });
      triggers.get(market)!.push({ key: orderKey(address), id: address, kind: 'order', trigger: account.triggerPrice, direction: account.side === 'long' ? 'below' : 'above' });
    }
    for (const m of MARKET_IDS) {
      this.triggerBook(m).load(triggers.get(m) ?? []);
      for (const s of SIDES) this.liquidations(m, s).load(liq.get(`${m}:${s}`) ?? []);
    }
  }

  clear(): void {
    this.load([], [], { interest: () => 0n, liquidationLeverageBps: () => 1n });
  }

  /**
   * Re-prices up to `budget` of the oldest liquidation entries (interest below now) across the books, so the
   * query band stays narrow; returns how many.
   */
  refresh(pricing: Pricing, budget: number): number {
    const share = Math.max(1, Math.ceil(budget / this.liq.size));
    let done = 0;
    for (const m of MARKET_IDS) {
      for (const s of SIDES) {
        const book = this.liquidations(m, s);
        if (book.size === 0) continue;
        for (const key of book.oldest(share, pricing.interest(m, s))) {
          const t = this.positions.get(key as Address);
          if (t) this.priceLiquidation(t, pricing);
          else book.delete(key);
          done += 1;
        }
      }
    }
    return done;
  }

  rescanBounds(): void {
    for (const b of this.liq.values()) b.rescanBounds();
  }
}
