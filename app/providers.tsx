'use client';
/**
 * The app's one client provider tree (solana-labs/wallet-adapter example layout): React Query, then the Solana
 * connection, the wallets and the wallet modal. The connection endpoint is a placeholder: the app never sends a
 * transaction or reads a chain (it only asks wallets for `publicKey` and `signMessage`).
 */
import type { WalletError } from '@solana/wallet-adapter-base';
import { ConnectionProvider, WalletProvider } from '@solana/wallet-adapter-react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { ReactNode } from 'react';
import { Toaster } from '@/components/ui/toaster';
import { WalletModalProvider } from '@/components/wallet/wallet-modal-provider';
import { isApiError } from '@/lib/client/api-error';
import { useDevnet } from '@/lib/hooks/use-health';
import { useStream } from '@/lib/hooks/use-stream';
import { toast } from '@/lib/state/toasts';
import { useWalletAdapters } from '@/lib/wallet/use-wallet-adapters';

/** Placeholder local RPC (solana-test-validator's default port); nothing connects to it. */
const RPC_ENDPOINT = 'http://127.0.0.1:8899';

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

function Wallets({ children }: { children: ReactNode }) {
  // Until /api/health answers, the burner is left out; WalletProvider auto-connects it once it appears.
  const devnet = useDevnet() ?? false;
  const wallets = useWalletAdapters({ devnet });
  const onError = useCallback((error: WalletError) => {
    if (error.name === 'WalletNotReadyError') toast.error('That wallet is not available in this browser.');
    else if (!/reject|cancel/i.test(error.message)) toast.error(error.message || 'The wallet reported an error.');
  }, []);
  return (
    <ConnectionProvider endpoint={RPC_ENDPOINT}>
      <WalletProvider wallets={wallets} autoConnect onError={onError} localStorageKey="poolperps.wallet">
        <WalletModalProvider>{children}</WalletModalProvider>
      </WalletProvider>
    </ConnectionProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <Wallets>{children}</Wallets>
      <StreamConnector />
      <Toaster />
    </QueryClientProvider>
  );
}
