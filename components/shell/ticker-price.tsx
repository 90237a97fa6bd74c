'use client';
import { useState } from 'react';
import { cn } from '@/components/ui/cn';
import { formatPrice } from '@/lib/format/price';
import type { MarketId } from '@/lib/math/ids';

/** A price that turns green or red by the direction of its last move (derived state, no effect). */
export function TickerPrice({ market, price, className }: { market: MarketId; price: bigint; className?: string }) {
  const [track, setTrack] = useState<{ price: bigint; dir: -1 | 0 | 1 }>({ price, dir: 0 });
  if (track.price !== price) setTrack({ price, dir: price > track.price ? 1 : -1 });
  return (
    <span className={cn('num transition-colors duration-500', track.dir === 1 ? 'text-long' : track.dir === -1 ? 'text-short' : 'text-ink', className)}>
      {formatPrice(price, { market })}
    </span>
  );
}
