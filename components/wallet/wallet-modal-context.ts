'use client';
/**
 * The wallet picker's open state, as @solana/wallet-adapter-react-ui's `WalletModalContext` has it
 * (`{ visible, setVisible }`), in a context of our own: importing -react-ui for its context loaded the package's
 * whole index (its modal and buttons, ~12 kB compressed) on every first paint. Nothing of ours uses -react-ui's
 * components.
 */
import { createContext, useContext } from 'react';

export interface WalletModalState {
  visible: boolean;
  setVisible(open: boolean): void;
}

export const WalletModalContext = createContext<WalletModalState>({
  visible: false,
  setVisible: () => {
    throw new Error('useWalletModal() is used outside WalletModalProvider');
  },
});

export function useWalletModal(): WalletModalState {
  return useContext(WalletModalContext);
}
