/**
 * Solana Mobile Wallet Adapter (MWA) for phone browsers: it hands signing to the wallet app on the phone
 * (Phantom, Solflare, Seed Vault...). @solana-mobile/wallet-adapter-mobile 2.x API: `SolanaMobileWalletAdapter`
 * with `createDefaultAddressSelector`, `createDefaultAuthorizationResultCache` and
 * `createDefaultWalletNotFoundHandler`. MWA works in Android browsers, not in iOS or in in-app web views (there the
 * wallet's own browser injects a Wallet Standard wallet instead).
 *
 * @solana/wallet-adapter-react imports this package itself (it adds MWA on mobile when the list lacks it), so it
 * is part of the wallet bundle anyway; passing our own instance names the app and its icon in the wallet's prompt.
 */
import {
  createDefaultAddressSelector,
  createDefaultAuthorizationResultCache,
  createDefaultWalletNotFoundHandler,
  SolanaMobileWalletAdapter,
} from '@solana-mobile/wallet-adapter-mobile';

/** Android browser, not an in-app web view (the same test wallet-adapter-react applies). */
export function isMwaBrowser(userAgent: string): boolean {
  return /android/i.test(userAgent) && !/(WebView|Version\/.+(Chrome)\/(\d+)\.(\d+)\.(\d+)\.(\d+)|; wv\).+(Chrome)\/(\d+)\.(\d+)\.(\d+)\.(\d+))/i.test(userAgent);
}

export function createMobileWalletAdapter(origin: string): SolanaMobileWalletAdapter {
  return new SolanaMobileWalletAdapter({
    addressSelector: createDefaultAddressSelector(),
    appIdentity: { name: 'PoolPerps', uri: origin, icon: 'icon.svg' },
    authorizationResultCache: createDefaultAuthorizationResultCache(),
    // Nothing here touches a chain (the app only signs messages); MWA still asks which cluster to authorise.
    chain: 'solana:devnet',
    onWalletNotFound: createDefaultWalletNotFoundHandler(),
  });
}
