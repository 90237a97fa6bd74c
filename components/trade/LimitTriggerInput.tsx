'use client';
/** The limit order's trigger price: a long fills at or below it, a short at or above it (protocol.md §7). */
import { formatBps } from '@/lib/format';
import { useTicketStore } from '@/lib/hooks/trade/ticket-store';
import type { MarketId, Side } from '@/lib/math/ids';
import { LIMIT_PRESETS_BPS, limitTriggerFromMove } from '@/lib/trade/trigger-presets';
import { PriceInput } from './PriceInput';

export function LimitTriggerInput({ market, side, price }: { market: MarketId; side: Side; price: bigint | undefined }) {
  const triggerText = useTicketStore((s) => s.triggerText);
  const set = useTicketStore((s) => s.set);
  const presets =
    price === undefined
      ? []
      : LIMIT_PRESETS_BPS.map((moveBps) => ({
          label: `${side === 'long' ? '−' : '+'}${formatBps(moveBps, { digits: 1 }).replace('.0%', '%')}`,
          price: limitTriggerFromMove({ side, price, moveBps }),
        }));
  return (
    <PriceInput
      label="Trigger price"
      market={market}
      value={triggerText}
      onChange={(t) => set({ triggerText: t })}
      presets={presets}
      testId="ticket-trigger"
      hint={side === 'long' ? 'Fills when the price falls to this level or below.' : 'Fills when the price rises to this level or above.'}
    />
  );
}
