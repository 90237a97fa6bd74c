/**
 * Price lines of the chart for the trader's positions and orders in one market: entry, liquidation, TP, SL and
 * limit triggers (STYLE.md: "Entry, liquidation, TP and SL are createPriceLines").
 */
import type { MarketId, Side } from '@/lib/math/ids';

export interface ChartLine {
  key: string;
  price: bigint;
  title: string;
  color: string;
  dashed: boolean;
}

interface PositionLike {
  id: string;
  market: MarketId;
  side: Side;
  entryPrice: bigint;
  liquidationPrice: bigint;
  takeProfit: bigint | undefined;
  stopLoss: bigint | undefined;
}

interface OrderLike {
  id: string;
  market: MarketId;
  side: Side;
  triggerPrice: bigint;
}

const COLORS = { long: '#2ebd85', short: '#f6465d', liquidation: '#f0b90b', accent: '#7c8cff', muted: '#9aa4b2' };

export function chartLines({ market, positions, orders }: { market: MarketId; positions: readonly PositionLike[]; orders: readonly OrderLike[] }): ChartLine[] {
  const lines: ChartLine[] = [];
  for (const p of positions) {
    if (p.market !== market) continue;
    const tag = p.side === 'long' ? 'Long' : 'Short';
    lines.push({ key: `${p.id}-entry`, price: p.entryPrice, title: `${tag} entry`, color: COLORS[p.side], dashed: false });
    if (p.liquidationPrice > 0n) lines.push({ key: `${p.id}-liq`, price: p.liquidationPrice, title: `${tag} liq.`, color: COLORS.liquidation, dashed: true });
    if (p.takeProfit !== undefined) lines.push({ key: `${p.id}-tp`, price: p.takeProfit, title: `${tag} TP`, color: COLORS.long, dashed: true });
    if (p.stopLoss !== undefined) lines.push({ key: `${p.id}-sl`, price: p.stopLoss, title: `${tag} SL`, color: COLORS.short, dashed: true });
  }
  for (const o of orders) {
    if (o.market !== market) continue;
    lines.push({ key: `${o.id}-limit`, price: o.triggerPrice, title: `Limit ${o.side}`, color: COLORS.accent, dashed: true });
  }
  return lines;
}
