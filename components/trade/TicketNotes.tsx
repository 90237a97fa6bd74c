'use client';
/** What the trader should know before signing, in sentences: where the collateral is held, a short's cap, a closed market. */
import { formatUsd } from '@/lib/format';
import type { MarketId, Side } from '@/lib/math/ids';
import type { TicketPreview } from '@/lib/trade/ticket-types';

export function TicketNotes({ market, side, preview: p, postedToken, marketOpen }: { market: MarketId; side: Side; preview: TicketPreview | undefined; postedToken: string; marketOpen: boolean }) {
  const held = p?.heldToken;
  return (
    <>
      {held && held !== postedToken && (
        <p className="rounded-md border border-accent/40 bg-accent-soft px-3 py-2 text-xs text-ink" data-testid="ticket-held-note">
          Your {postedToken} is swapped into {held} when the position opens: the collateral is held in {held} (its value moves with {held}&apos;s price) and a
          close pays out in {held}; you can swap it back to {postedToken} when closing, at the swap fee.
        </p>
      )}
      {side === 'short' && (
        <p className="text-xs text-ink-faint" data-testid="short-profit-cap">
          A short&apos;s profit is capped at 100% of its size{p?.maxProfitUsd !== undefined ? ` (${formatUsd(p.maxProfitUsd)})` : ''}: the pool locks exactly that.
        </p>
      )}
      {!marketOpen && (
        <p className="text-xs text-warn" data-testid="ticket-indicative">
          {market} is closed: its price is indicative until the market reopens, and a limit order fills only once it trades again.
        </p>
      )}
    </>
  );
}
