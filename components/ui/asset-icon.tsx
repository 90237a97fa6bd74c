import { MARKET_LABELS, TOKEN_LABELS } from '@/lib/format/markets';
import { cn } from '@/components/ui/cn';
import { isMarketId, isTokenId } from '@/lib/math/ids';

/** A round monogram in the asset's colour (no image requests): markets and tokens by id. */
export function AssetIcon({ id, size = 20, className }: { id: string; size?: number; className?: string }) {
  const label = isTokenId(id) ? TOKEN_LABELS[id] : isMarketId(id) ? MARKET_LABELS[id] : { color: '#7c8cff', glyph: id.slice(0, 1) };
  const { color, glyph: text } = label;
  return (
    <span
      aria-hidden
      className={cn('inline-flex shrink-0 items-center justify-center rounded-full font-bold', id === 'XAG' ? 'text-bg' : 'text-white', className)}
      style={{ width: size, height: size, fontSize: Math.round(size * (text.length > 2 ? 0.34 : text.length > 1 ? 0.42 : 0.56)), letterSpacing: '-0.02em', background: `linear-gradient(135deg, ${color}, ${color}99)` }}
    >
      {text}
    </span>
  );
}
