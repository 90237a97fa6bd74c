import { Suspense } from 'react';
import { HeaderNav } from '@/components/shell/header-nav';
import { Logo } from '@/components/shell/logo';
import { MarketTicker } from '@/components/shell/market-ticker';
import { NetworkBadge } from '@/components/shell/network-badge';
import { GetTestFundsButton } from '@/components/wallet/get-test-funds-button';
import { WalletButton } from '@/components/wallet/wallet-button';

/**
 * Top of every page: brand, navigation (desktop), network, faucet, wallet; the market ticker below. The client
 * parts hydrate in their own `<Suspense>` slices (see components/trade/TradeScreen.tsx).
 */
export function Header() {
  return (
    <header className="sticky top-0 z-40 bg-bg/95 backdrop-blur">
      <div className="flex h-14 items-center gap-3 border-b border-line px-3 md:gap-6 md:px-4">
        <Logo />
        <HeaderNav />
        <div className="ml-auto flex items-center gap-2">
          <Suspense>
            <span className="hidden sm:inline-flex">
              <NetworkBadge />
            </span>
            <span className="hidden md:inline-flex">
              <GetTestFundsButton />
            </span>
            <WalletButton />
          </Suspense>
        </div>
      </div>
      {/* Its box is reserved: React may stream this boundary after the shell and reveal it a frame later. */}
      <div className="h-10">
        <Suspense>
          <MarketTicker />
        </Suspense>
      </div>
    </header>
  );
}
