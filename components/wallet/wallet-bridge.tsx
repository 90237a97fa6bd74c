'use client';
/**
 * The wallet-adapter stack, loaded by app/providers.tsx only once wanted (the user opens "Connect", or a wallet was
 * connected before: `wasConnected()`): ConnectionProvider (the app's /api/rpc; the app sends transactions itself),
 * WalletProvider (every Wallet Standard wallet of the
 * browser, the burner on the local network, the Mobile Wallet Adapter on Android) and a sync component that mirrors
 * `useWallet()` into `useWalletStore`. It renders nothing visible and wraps no page content, so loading it late
 * never remounts the page.
 */
import type { WalletError } from '@solana/wallet-adapter-base';
import { ConnectionProvider, useWallet, WalletProvider } from '@solana/wallet-adapter-react';
import { useCallback, useEffect } from 'react';
import { VersionedTransaction } from '@solana/web3.js';
import { useDevnet } from '@/lib/hooks/use-health';
import { rememberConnected, useWalletStore } from '@/lib/state/wallet';
import { toast } from '@/lib/state/toasts';
import { getBurnerAdapter, useWalletAdapters } from '@/lib/wallet/use-wallet-adapters';

/** The chain's JSON-RPC (the local chain's by default); wallets that send themselves use it. */
const RPC_ENDPOINT = typeof window === 'undefined' ? 'http://127.0.0.1:3000/api/rpc' : `${window.location.origin}/api/rpc`;

/** Wire bytes → VersionedTransaction → the wallet's signature → wire bytes. */
async function signWire(sign: <T extends VersionedTransaction>(tx: T) => Promise<T>, wire: Uint8Array): Promise<Uint8Array> {
  const signed = await sign(VersionedTransaction.deserialize(wire));
  return signed.serialize();
}

function Sync() {
  const { publicKey, wallet, wallets, connecting, select, connect, disconnect, signMessage, signTransaction } = useWallet();
  useEffect(() => {
    if (publicKey) rememberConnected(true);
    useWalletStore.setState({
      loaded: true,
      ...(publicKey ? { restoring: false } : {}),
      publicKey: publicKey?.toBase58(),
      walletName: wallet?.adapter.name,
      walletIcon: wallet?.adapter.icon,
      connecting,
      wallets: wallets.map((w) => ({ name: w.adapter.name, icon: w.adapter.icon, readyState: w.readyState })),
      signMessage,
      signTransaction: signTransaction ? (wire) => signWire(signTransaction, wire) : undefined,
      select: (name) => select(name as Parameters<typeof select>[0]),
      connect,
      disconnect: async () => {
        rememberConnected(false);
        await disconnect();
      },
      renewBurner: async () => (await getBurnerAdapter().renew()).toBase58(),
    });
  }, [publicKey, wallet, wallets, connecting, select, connect, disconnect, signMessage, signTransaction]);
  return null;
}

export default function WalletBridge() {
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
        <Sync />
      </WalletProvider>
    </ConnectionProvider>
  );
}
