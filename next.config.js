// @ts-check
/**
 * Next configuration. Security headers (CSP and friends) live in `lib/http/security-headers.js` so that the
 * policy has one home; `serverExternalPackages` keeps the database drivers out of the bundles (PGlite ships its
 * own WASM and must be loaded from node_modules at run time).
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
  typedRoutes: false,
  devIndicators: false,
};

module.exports = nextConfig;
