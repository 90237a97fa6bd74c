'use client';
/**
 * The connected wallet as the app sees it. The wallet-adapter stack (@solana/wallet-adapter-react, web3.js, the
 * Mobile Wallet Adapter) is heavy, so it loads after the page (`components/wallet/wallet-bridge.tsx`, lazily) and
 * mirrors its state here; every component and hook reads this store instead of `useWallet()`. The app only uses
 * `publicKey` and `signTransaction` of a wallet (as wire bytes, so this store never imports web3.js).
 */
import { create } from 'zustand';

/** `WalletReadyState` values of @solana/wallet-adapter-base (strings, so no import of the adapter stack). */
export type WalletReadiness = 'Installed' | 'NotDetected' | 'Loadable' | 'Unsupported';

export interface WalletOption {
  name: string;
  icon: string;
  readyState: WalletReadiness;
}

export interface WalletStore {
  /** The adapter stack is wanted: the user opened "Connect", or a wallet was connected before (see `wasConnected`). */
  wanted: boolean;
  /** A wallet was connected before this page load and the stack is reconnecting it (the button shows a placeholder). */
  restoring: boolean;
  /** The adapter stack has loaded (until then nothing can connect). */
  loaded: boolean;
  /** The connected account (base58), `undefined` when none. */
  publicKey: string | undefined;
  walletName: string | undefined;
  walletIcon: string | undefined;
  connecting: boolean;
  wallets: WalletOption[];
  signMessage: ((message: Uint8Array) => Promise<Uint8Array>) | undefined;
  /** Signs an unsigned wire transaction (fee payer = the wallet) and returns the signed wire bytes. */
  signTransaction: ((wire: Uint8Array) => Promise<Uint8Array>) | undefined;
  select: (name: string) => void;
  connect: () => Promise<void>;
  disconnect: () => Promise<void>;
  /** Replaces the burner's key ("New burner"); resolves to the new address. */
  renewBurner: () => Promise<string>;
}

const notLoaded = async (): Promise<never> => {
  throw new Error('The wallet is still loading; try again in a moment.');
};

export const useWalletStore = create<WalletStore>()(() => ({
  wanted: false,
  restoring: false,
  loaded: false,
  publicKey: undefined,
  walletName: undefined,
  walletIcon: undefined,
  connecting: false,
  wallets: [],
  signMessage: undefined,
  signTransaction: undefined,
  select: () => undefined,
  connect: notLoaded,
  disconnect: notLoaded,
  renewBurner: notLoaded,
}));

/**
 * localStorage flag "a wallet was connected": set when an account connects, cleared on disconnect. At start the
 * adapter stack loads only when it is set (so a connected wallet, e.g. the burner, reconnects after a reload);
 * otherwise it waits for the user to open "Connect".
 */
export const WALLET_CONNECTED_KEY = 'poolperps.wallet.connected';

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

export const wasConnected = (): boolean => storage()?.getItem(WALLET_CONNECTED_KEY) === '1';

export function rememberConnected(connected: boolean): void {
  const s = storage();
  if (!s) return;
  if (connected) s.setItem(WALLET_CONNECTED_KEY, '1');
  else s.removeItem(WALLET_CONNECTED_KEY);
}

/** Asks for the adapter stack (app/providers.tsx mounts it once wanted). */
export const requestWalletStack = (): void => {
  if (!useWalletStore.getState().wanted) useWalletStore.setState({ wanted: true });
};
