import type { HistoryKind } from '@/lib/client/types';

/** Plain words for history events. */
export const HISTORY_LABELS: Record<HistoryKind, string> = {
  opened: 'Opened',
  increased: 'Increased',
  closed: 'Closed',
  liquidated: 'Liquidated',
  filled: 'Limit filled',
  collateral: 'Collateral',
  tpsl: 'TP/SL set',
  order_placed: 'Order placed',
  order_cancelled: 'Order cancelled',
  liquidity_added: 'Liquidity added',
  liquidity_removed: 'Liquidity removed',
  swap: 'Swap',
  faucet: 'Test funds',
};

/** The trading events the trade screen's History tab lists (LP and faucet events live on /earn and /portfolio). */
export const TRADE_KINDS: ReadonlySet<HistoryKind> = new Set(['opened', 'increased', 'closed', 'liquidated', 'filled', 'collateral', 'tpsl', 'order_placed', 'order_cancelled']);
