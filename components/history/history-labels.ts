import type { HistoryKind } from '@/lib/client/types';

/** The trading events the trade screen's History tab lists (LP and faucet events live on /earn and /portfolio). */
export const TRADE_KINDS: ReadonlySet<HistoryKind> = new Set(['opened', 'increased', 'closed', 'liquidated', 'filled', 'collateral', 'tpsl', 'order_placed', 'order_cancelled']);
