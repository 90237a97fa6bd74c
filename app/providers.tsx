'use client';
/**
 * The app's one client provider tree: React Query, the wallet modal context, the live stream and the toasts.
 * The wallet-adapter stack (ConnectionProvider + WalletProvider with the burner and Mobile Wallet Adapter, see
 * components/wallet/wallet-bridge.tsx) is loaded lazily next to the page rather than around it: it carries
 * web3.js, which would otherwise be most of the first-load JavaScript. Components read the wallet through
 * `useWalletStore` / `useOwner` / `useAction`, never `useWallet()`.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { Toaster } from '@/components/ui/toaster';
import { WalletModalProvider } from '@/components/wallet/wallet-modal-provider';
import { isApiError } from '@/lib/client/api-error';
import { useStream } from '@/lib/hooks/use-stream';

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

function StreamConnector() {
  useStream();
  return null;
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <WalletModalProvider>
        {children}
        <WalletBridge />
      </WalletModalProvider>
      <StreamConnector />
      <Toaster />
    </QueryClientProvider>
  );
}
