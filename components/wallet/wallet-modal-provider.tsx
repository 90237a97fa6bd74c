'use client';
/**
 * Our `WalletModalProvider`: it provides the picker's `WalletModalContext` (./wallet-modal-context.ts), so
 * `useWalletModal()` works anywhere, and renders our own wallet picker, loaded lazily on first open.
 * Why not the stock modal: its close button has no accessible name (axe "button-name", critical), it ships its own
 * stylesheet and font, and it is not a bottom sheet on phones. Opening it is what loads the wallet-adapter stack
 * (`requestWalletStack`).
 */
import { WalletModalContext } from './wallet-modal-context';
import dynamic from 'next/dynamic';
import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { requestWalletStack } from '@/lib/state/wallet';

const WalletPicker = dynamic(() => import('@/components/wallet/wallet-picker').then((m) => m.WalletPicker), { ssr: false });

export function WalletModalProvider({ children }: { children: ReactNode }) {
  const [visible, setVisibleState] = useState(false);
  const value = useMemo(
    () => ({
      visible,
      setVisible: (open: boolean) => {
        if (open) requestWalletStack();
        setVisibleState(open);
      },
    }),
    [visible],
  );
  return (
    <WalletModalContext.Provider value={value}>
      {children}
      {visible && <WalletPicker onClose={() => setVisibleState(false)} />}
    </WalletModalContext.Provider>
  );
}
