import type { FeedId } from '@/lib/math/ids';

/**
 * Pyth price-feed ids (mainnet / "stable" channel, the same on every Hermes), as listed on
 * https://pyth.network/developers/price-feed-ids and used by public integrations (looked up 2026-11 with the
 * code-search corpus: pyth-network/pyth-examples, alamosdotio/olive-finance, and others that agree byte for byte).
 * WTI uses `Commodities.USOILSPOT` (continuous spot, no contract roll).
 */
export const PYTH_FEEDS: Record<FeedId, { symbol: string; id: string }> = {
  SOL: { symbol: 'Crypto.SOL/USD', id: 'ef0d8b6fda2ceba41da15d4095d1da392a0d2f8ed0c6c7bc0f4cfac8c280b56d' },
  BTC: { symbol: 'Crypto.BTC/USD', id: 'e62df6c8b4a85fe1a67db44dc12de5db330f7ac66b72dc658afedf0f4a415b43' },
  BONK: { symbol: 'Crypto.BONK/USD', id: '72b021217ca3fe68922a19aaf990109cb9d84e9ad004b4d2025ad6f529314419' },
  USDC: { symbol: 'Crypto.USDC/USD', id: 'eaa020c61cc479712813461ce153894a96a6c00b21ed0cfc2798d1f9a9e9c94a' },
  XAU: { symbol: 'Metal.XAU/USD', id: '765d2ba906dbc32ca17cc11f5310a89e9ee1f6420508c63861f2f8ba4ee34bb2' },
  XAG: { symbol: 'Metal.XAG/USD', id: 'f2fb02c32b055c805e7238d628e5e9dadef274376114eb1f012337cabe93871e' },
  WTI: { symbol: 'Commodities.USOILSPOT', id: '925ca92ff005ae943c158e3563f59698ce7e75c5a8c8dd43303a0a154887b3e6' },
};

/** Hermes answers ids without `0x`; compare in this normal form. */
export function normalizeFeedHex(id: string): string {
  return id.toLowerCase().replace(/^0x/, '');
}

const byHex = new Map<string, FeedId>(
  (Object.entries(PYTH_FEEDS) as [FeedId, { id: string }][]).map(([feed, { id }]) => [id, feed]),
);

export function feedForPythId(id: string): FeedId | undefined {
  return byHex.get(normalizeFeedHex(id));
}
