// @ts-check
const isDev = process.env.NODE_ENV !== 'production';

/**
 * Content-Security-Policy and the usual security headers (issue 9). What the wallets need:
 * - Wallet Standard wallets are browser extensions: their content scripts are not subject to the page's CSP.
 * - The Solana Mobile Wallet Adapter talks to the wallet app over a local WebSocket (ws://localhost:*) and opens
 *   `solana-wallet:` association URLs; wallet icons are data: URIs.
 * Next's inline bootstrap scripts need 'unsafe-inline' without per-request nonces (which would force every page to
 * render dynamically); the dev server also needs 'unsafe-eval' for React Refresh.
 */
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self' ws://localhost:* ws://127.0.0.1:* wss://localhost:*${isDev ? ' ws: http://localhost:* http://127.0.0.1:*' : ''}`,
  "worker-src 'self' blob:",
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: csp },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin-allow-popups' },
  { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' },
];

/**
 * `serverExternalPackages` keeps the database drivers out of the bundles (PGlite ships its own WASM and data files
 * and must be loaded from node_modules at run time).
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  /** `NEXT_DIST_DIR` lets a test build live beside the dev server's output (default `.next`). */
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  /** server.ts (`npm start`) compresses itself, after rewriting the documents (lib/server/paint-first.ts). */
  compress: process.env.POOLPERPS_SERVER_COMPRESSES !== '1',
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'litesvm'],
  devIndicators: false,
  /** `PROFILE_BUILD=1 NEXT_DIST_DIR=.next-prof next build`: unminified client chunks, for CPU profiles with names (bench/README.md § 6). */
  ...(process.env.PROFILE_BUILD === '1' ? { experimental: { turbopackMinify: false } } : {}),
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

module.exports = nextConfig;
