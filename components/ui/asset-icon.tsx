import { MARKET_LABELS, TOKEN_LABELS } from '@/lib/format/markets';
import { cn } from '@/components/ui/cn';
import { isMarketId, isTokenId } from '@/lib/math/ids';

/** A round monogram in the asset's colour (no image requests): markets and tokens by id. */
export function AssetIcon({ id, size = 20, className }: { id: string; size?: number; className?: string }) {
  const color = isMarketId(id) ? MARKET_LABELS[id].color : isTokenId(id) ? TOKEN_LABELS[id].color : '#7c8cff';
  const text = id === 'BONK' ? 'B' : id.slice(0, id.length > 3 ? 1 : 2).replace(/^W/, '');
  return (
    <span
      aria-hidden
      className={cn('inline-flex shrink-0 items-center justify-center rounded-full font-bold text-white', className)}
      style={{ width: size, height: size, fontSize: Math.round(size * 0.42), background: `linear-gradient(135deg, ${color}, ${color}99)` }}
    >
      {text}
    </span>
  );
}
