import type { SqlClient } from '@/lib/db/types';
import { accrueCumulativeInterest } from '@/lib/math/interest';
import { CUSTODIES, MARKETS, lockToken } from '@/lib/math/params';
import { MARKET_IDS, type MarketId, type TokenId } from '@/lib/math/ids';
import { positionBorrowFeeUsd } from '@/lib/math/position';
import { liquidationPrice } from '@/lib/math/liquidation';
import { selectCustodies } from './store/custodies';
import { selectOrders, selectPositions } from './store/positions';
import type { CustodyRow, OrderRow, PositionRow } from './store/rows';
import { TriggerBook, type TriggerEntry } from './keeper-book';

/**
 * The keeper's index: one TriggerBook per market. A position's liquidation entry is its liquidation price with
 * the borrow fee projected `horizonS` ahead at the custody curve's MAXIMUM rate, so the indexed trigger is always
 * at least as easy to reach as the true one for that long (a long's liquidation price only rises as fees accrue,
 * a short's only falls). The keeper rebuilds the index well within the horizon and after clock jumps, and every
 * candidate is re-checked exactly inside its own transaction, so an over-eager entry costs one refused attempt.
 * Costs with n indexed entries: a position or order change O(log n) (its own keys only), a rebuild O(n log n)
 * (one sort per book side).
 */
export class KeeperIndex {
  readonly books = new Map<MarketId, TriggerBook>(MARKET_IDS.map((m) => [m, new TriggerBook()]));
  /** Cumulative interest per `${pool}:${token}` projected to now + horizon. */
  private projected = new Map<string, bigint>();

  constructor(private readonly horizonS: number) {}

  book(market: MarketId): TriggerBook {
    const b = this.books.get(market);
    if (!b) throw new Error(`No book for ${market}`);
    return b;
  }

  async loadCustodies(sql: SqlClient, nowS: number): Promise<void> {
    const rows = await selectCustodies(sql);
    this.projected = new Map();
    this.updateCustodies(rows, nowS);
  }

  /**
   * Re-projects the given custodies (rows as stored: interest accrued to `lastAccrualS` at `rateHourly`) to
   * now + horizon at the curve's maximum rate; the others keep their projection. O(rows).
   */
  updateCustodies(rows: readonly CustodyRow[], nowS: number): void {
    for (const c of rows) {
      const curve = CUSTODIES[c.pool][c.token as TokenId]?.borrow;
      const now = accrueCumulativeInterest({ cumulativeInterest: c.cumulativeInterest, rateHourly: c.rateHourly, elapsedS: nowS - c.lastAccrualS });
      this.projected.set(`${c.pool}:${c.token}`, accrueCumulativeInterest({ cumulativeInterest: now, rateHourly: curve?.rateMaxHourly ?? c.rateHourly, elapsedS: this.horizonS }));
    }
  }

  async rebuild(sql: SqlClient, nowS: number): Promise<void> {
    await this.loadCustodies(sql, nowS);
    const positions = await selectPositions(sql, 'TRUE', []);
    const orders = await selectOrders(sql, 'TRUE', []);
    const byMarket = new Map<MarketId, TriggerEntry[]>(MARKET_IDS.map((m) => [m, []]));
    for (const p of positions) byMarket.get(p.market)?.push(...this.positionEntries(p));
    for (const o of orders) byMarket.get(o.market)?.push(this.orderEntry(o));
    for (const [market, entries] of byMarket) this.book(market).load(entries);
  }

  /** A position's entries: its liquidation (borrow fee projected, see above), and its TP / SL when set. */
  positionEntries(p: PositionRow): TriggerEntry[] {
    const long = p.side === 'long';
    const cumulative = this.projected.get(`${MARKETS[p.market].pool}:${lockToken(p.market, p.side)}`) ?? p.interestSnapshot;
    const liq = liquidationPrice({
      side: p.side,
      sizeUsd: p.sizeUsd,
      collateralUsd: p.collateralUsd,
      entryPrice: p.entryPrice,
      liquidationLeverageBps: MARKETS[p.market].liquidationLeverageBps,
      liquidationFeeUsd: p.liquidationFeeUsd,
      borrowFeeUsd: positionBorrowFeeUsd({ position: p, cumulativeInterest: cumulative }),
    });
    const out: TriggerEntry[] = [{ key: `p:${p.id}:liq`, id: p.id, kind: 'liquidation', trigger: liq, direction: long ? 'below' : 'above' }];
    if (p.takeProfit !== null) out.push({ key: `p:${p.id}:tp`, id: p.id, kind: 'takeProfit', trigger: p.takeProfit, direction: long ? 'above' : 'below' });
    if (p.stopLoss !== null) out.push({ key: `p:${p.id}:sl`, id: p.id, kind: 'stopLoss', trigger: p.stopLoss, direction: long ? 'below' : 'above' });
    return out;
  }

  orderEntry(o: OrderRow): TriggerEntry {
    return { key: `o:${o.id}`, id: o.id, kind: 'order', trigger: o.triggerPrice, direction: o.side === 'long' ? 'below' : 'above' };
  }

  /** Inserts or replaces one position's entries: O(log n). */
  setPosition(p: PositionRow): void {
    this.book(p.market).setOwner(`p:${p.id}`, this.positionEntries(p));
  }

  deletePosition(market: MarketId, id: string): void {
    this.book(market).deleteOwner(`p:${id}`);
  }

  setOrder(o: OrderRow): void {
    this.book(o.market).setOwner(`o:${o.id}`, [this.orderEntry(o)]);
  }

  deleteOrder(market: MarketId, id: string): void {
    this.book(market).deleteOwner(`o:${id}`);
  }
}
