import type { SqlClient } from '@/lib/db/types';
import { accrueCumulativeInterest } from '@/lib/math/interest';
import { CUSTODIES, MARKETS, lockToken } from '@/lib/math/params';
import { MARKET_IDS, type MarketId, type TokenId } from '@/lib/math/ids';
import { positionBorrowFeeUsd } from '@/lib/math/position';
import { liquidationPrice } from '@/lib/math/liquidation';
import { selectCustodies } from './store/custodies';
import { selectOrders, selectPositions } from './store/positions';
import type { OrderRow, PositionRow } from './store/rows';
import { TriggerBook } from './keeper-book';

/**
 * The keeper's index: one TriggerBook per market. A position's liquidation entry is its liquidation price with
 * the borrow fee projected `horizonS` ahead at the custody curve's MAXIMUM rate, so the indexed trigger is always
 * at least as easy to reach as the true one for that long (a long's liquidation price only rises as fees accrue,
 * a short's only falls). The keeper rebuilds the index well within the horizon and after clock jumps, and every
 * candidate is re-checked exactly inside its own transaction, so an over-eager entry costs one refused attempt.
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
    const next = new Map<string, bigint>();
    for (const c of await selectCustodies(sql)) {
      const curve = CUSTODIES[c.pool][c.token as TokenId]?.borrow;
      const now = accrueCumulativeInterest({ cumulativeInterest: c.cumulativeInterest, rateHourly: c.rateHourly, elapsedS: nowS - c.lastAccrualS });
      next.set(`${c.pool}:${c.token}`, accrueCumulativeInterest({ cumulativeInterest: now, rateHourly: curve?.rateMaxHourly ?? c.rateHourly, elapsedS: this.horizonS }));
    }
    this.projected = next;
  }

  async rebuild(sql: SqlClient, nowS: number): Promise<void> {
    await this.loadCustodies(sql, nowS);
    for (const b of this.books.values()) b.clear();
    for (const p of await selectPositions(sql, 'TRUE', [])) this.setPosition(p);
    for (const o of await selectOrders(sql, 'TRUE', [])) this.setOrder(o);
  }

  setPosition(p: PositionRow): void {
    const book = this.book(p.market);
    book.deletePrefix(`p:${p.id}:`);
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
    book.set({ key: `p:${p.id}:liq`, id: p.id, kind: 'liquidation', trigger: liq, direction: long ? 'below' : 'above' });
    if (p.takeProfit !== null) book.set({ key: `p:${p.id}:tp`, id: p.id, kind: 'takeProfit', trigger: p.takeProfit, direction: long ? 'above' : 'below' });
    if (p.stopLoss !== null) book.set({ key: `p:${p.id}:sl`, id: p.id, kind: 'stopLoss', trigger: p.stopLoss, direction: long ? 'below' : 'above' });
  }

  deletePosition(market: MarketId, id: string): void {
    this.book(market).deletePrefix(`p:${id}:`);
  }

  setOrder(o: OrderRow): void {
    this.book(o.market).set({ key: `o:${o.id}`, id: o.id, kind: 'order', trigger: o.triggerPrice, direction: o.side === 'long' ? 'below' : 'above' });
  }

  deleteOrder(market: MarketId, id: string): void {
    this.book(market).delete(`o:${id}`);
  }
}
