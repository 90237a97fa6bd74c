import { MARKET_LABELS, TOKEN_LABELS } from '@/lib/format/markets';
import { isMarketId, isTokenId } from '@/lib/math/ids';

/** ₿ drawn as strokes (Debian's Chromium fonts have no U+20BF glyph: the text rendered as an empty box). */
function BitcoinMark() {
  return (
    <g fill="none" stroke="currentColor" strokeWidth="1.9" strokeLinecap="round" strokeLinejoin="round" data-testid="btc-mark">
      <path d="M9 6.5v11M8 6.5h5.2a2.6 2.6 0 0 1 0 5.2H9M9 11.7h5.6a2.9 2.9 0 0 1 0 5.8H8" />
      <path d="M10.6 4.6v1.9M13 4.6v1.9M10.6 17.5v1.9M13 17.5v1.9" />
    </g>
  );
}

/**
 * A round monogram in the asset's colour, as inline SVG (no image requests, no font glyph that a machine may lack):
 * markets and tokens by id; Bitcoin gets its ₿ as a path.
 */
export function AssetIcon({ id, size = 20, className }: { id: string; size?: number; className?: string }) {
  const label = isTokenId(id) ? TOKEN_LABELS[id] : isMarketId(id) ? MARKET_LABELS[id] : { color: '#7c8cff', glyph: id.slice(0, 1) };
  const bitcoin = id === 'BTC' || id === 'WBTC';
  /** One gradient per asset: icons of the same asset may share it. */
  const gradientId = `asset-icon-${id.replace(/[^A-Za-z0-9]/g, '')}`;
  const text = label.glyph;
  const fontSize = text.length > 2 ? 8.2 : text.length > 1 ? 10 : 13.5;
  return (
    <svg aria-hidden viewBox="0 0 24 24" width={size} height={size} className={className} style={{ color: id === 'XAG' ? '#0b0e14' : '#ffffff', flexShrink: 0 }}>
      <defs>
        <linearGradient id={gradientId} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor={label.color} />
          <stop offset="1" stopColor={label.color} stopOpacity="0.6" />
        </linearGradient>
      </defs>
      <circle cx="12" cy="12" r="12" fill={`url(#${gradientId})`} />
      {bitcoin ? (
        <BitcoinMark />
      ) : (
        <text x="12" y="12" dy="0.35em" textAnchor="middle" fontSize={fontSize} fontWeight="700" fill="currentColor" fontFamily="system-ui, sans-serif" letterSpacing="-0.3">
          {text}
        </text>
      )}
    </svg>
  );
}
