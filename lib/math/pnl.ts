/** Price PnL and net PnL of a position (protocol.md §6). */
import { bigMin, divFloor } from './bigmath';
import { assertPositivePrice } from './convert';
import type { Side } from './ids';

/**
 * §6 price PnL in USD (6 decimals): long `sizeUsd × (P − P0) / P0`, short `sizeUsd × (P0 − P) / P0`. The
 * result is floored toward −∞: a profit rounds down, a loss rounds up by magnitude (`−ceil(|x|)`), both in the
 * pool's favour. A short's profit is capped at `sizeUsd` (it locked exactly that). A long's PnL is not capped
 * here; its payout is capped at lock + collateral on close (close.ts).
 */
export function pricePnlUsd({ side, sizeUsd, entryPrice, price }: { side: Side; sizeUsd: bigint; entryPrice: bigint; price: bigint }): bigint {
  assertPositivePrice(entryPrice);
  const move = side === 'long' ? price - entryPrice : entryPrice - price;
  const pnl = divFloor(sizeUsd * move, entryPrice);
  return side === 'short' ? bigMin(pnl, sizeUsd) : pnl;
}

/** api.md Position.netPnlUsd: `pricePnlUsd − exitFeeUsd − borrowFeeUsd` (exact). */
export function netPnlUsd({ pricePnlUsd: pnl, exitFeeUsd, borrowFeeUsd }: { pricePnlUsd: bigint; exitFeeUsd: bigint; borrowFeeUsd: bigint }): bigint {
  return pnl - exitFeeUsd - borrowFeeUsd;
}
