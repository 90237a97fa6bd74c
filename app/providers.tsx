'use client';
/**
 * The app's one client provider tree: React Query, the wallet modal context, the live stream and the toasts.
 * The wallet-adapter stack (ConnectionProvider + WalletProvider with the burner and Mobile Wallet Adapter, see
 * components/wallet/wallet-bridge.tsx) sits next to the page rather than around it, and loads only when wanted:
 * when the user opens "Connect", or at start if a wallet was connected before (localStorage flag, see
 * `wasConnected`). It carries web3.js, which would otherwise be most of the first-load JavaScript. Components read the wallet through
 * `useWalletStore` / `useOwner` / `useAction`, never `useWallet()`.
 */
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { Toaster } from '@/components/ui/toaster';
import { WalletModalProvider } from '@/components/wallet/wallet-modal-provider';
import { isApiError } from '@/lib/client/api-error';
import { healthQuery } from '@/lib/hooks/use-health';
import { marketsQuery } from '@/lib/hooks/use-markets';
import { QuerySeed, type QuerySeedEntry } from '@/lib/hooks/query-seed';
import { useStream } from '@/lib/hooks/use-stream';
import { requestWalletStack, useWalletStore, wasConnected } from '@/lib/state/wallet';

const WalletBridge = dynamic(() => import('@/components/wallet/wallet-bridge'), { ssr: false });

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 3_000,
        refetchOnWindowFocus: false,
        // Refusals (4xx) will not change on retry; network errors and 5xx get two more tries.
        retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
    },
  });
}

/** How long the wallet button shows its placeholder while a previously connected wallet reconnects. */
const RESTORE_PLACEHOLDER_MS = 4_000;

/** Mounts the wallet stack once wanted; at start, wants it if a wallet was connected before. */
function WalletGate() {
  const wanted = useWalletStore((s) => s.wanted);
  useEffect(() => {
    if (!wasConnected()) return;
    useWalletStore.setState({ restoring: true });
    requestWalletStack();
    const timer = setTimeout(() => useWalletStore.setState({ restoring: false }), RESTORE_PLACEHOLDER_MS);
    return () => clearTimeout(timer);
  }, []);
  return wanted ? <WalletBridge /> : null;
}

/**
 * The app-wide queries' observers (markets and health, on every page: the ticker, the banners): fetched and
 * refreshed here once; the many components that show a price or the server clock read the cache
 * (lib/hooks/use-query-data.ts) instead of each observing. Renders nothing and never re-renders.
 */
function QueryFeeds() {
  useQuery({ ...marketsQuery, notifyOnChangeProps: [] });
  useQuery({ ...healthQuery, notifyOnChangeProps: [] });
  return null;
}

/**
 * `<html data-hydrated>` once React has hydrated the page (its first effect). The server's HTML is painted before the
 * scripts run (lib/server/paint-first.ts), so a button can be visible a moment before it is live; the browser
 * tests wait for this before their first click, as a person's first tap lands once it is there.
 */
function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return null;
}

function StreamConnector() {
  useStream();
  return null;
}

/** `firstAnswers`: the server's reads rendered into the page (lib/hooks/query-seed.tsx), seeded before any reader. */
export function Providers({ children, firstAnswers }: { children: ReactNode; firstAnswers: readonly QuerySeedEntry[] }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <QuerySeed entries={firstAnswers}>
        <QueryFeeds />
        <WalletModalProvider>
          {children}
          <WalletGate />
        </WalletModalProvider>
        <StreamConnector />
        <Toaster />
        <HydrationMark />
      </QuerySeed>
    </QueryClientProvider>
  );
}
