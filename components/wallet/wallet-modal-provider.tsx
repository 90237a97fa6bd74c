'use client';
/**
 * Our `WalletModalProvider`: it provides @solana/wallet-adapter-react-ui's `WalletModalContext`, so
 * `useWalletModal()` from -react-ui works anywhere, and renders our own wallet picker, loaded lazily on first open.
 * Why not the stock modal: its close button has no accessible name (axe "button-name", critical), it ships its own
 * stylesheet and font, and it is not a bottom sheet on phones.
 */
import { WalletModalContext } from '@solana/wallet-adapter-react-ui';
import dynamic from 'next/dynamic';
import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';

const WalletPicker = dynamic(() => import('@/components/wallet/wallet-picker').then((m) => m.WalletPicker), { ssr: false });

export function WalletModalProvider({ children }: { children: ReactNode }) {
  const [visible, setVisible] = useState(false);
  const value = useMemo(() => ({ visible, setVisible }), [visible]);
  return (
    <WalletModalContext.Provider value={value}>
      {children}
      {visible && <WalletPicker onClose={() => setVisible(false)} />}
    </WalletModalContext.Provider>
  );
}
