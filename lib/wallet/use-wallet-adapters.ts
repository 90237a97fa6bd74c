'use client';
/**
 * The explicit wallet list for `WalletProvider`: the burner (only while the local network is on) and, on Android
 * browsers, the Mobile Wallet Adapter. Every Wallet Standard wallet the browser has (Phantom, Solflare,
 * Backpack...) is added by `WalletProvider` itself.
 */
import type { Adapter } from '@solana/wallet-adapter-base';
import { useMemo, useState } from 'react';
import { BurnerWalletAdapter } from '@/lib/wallet/burner-adapter';
import { createMobileWalletAdapter, isMwaBrowser } from '@/lib/wallet/mobile';

/** One burner adapter per page, so "New burner" and the wallet button reach the same instance. */
let burner: BurnerWalletAdapter | undefined;
export function getBurnerAdapter(): BurnerWalletAdapter {
  burner ??= new BurnerWalletAdapter();
  return burner;
}

export function useWalletAdapters({ devnet }: { devnet: boolean }): Adapter[] {
  const [mobile] = useState(() =>
    typeof window !== 'undefined' && isMwaBrowser(window.navigator.userAgent) ? createMobileWalletAdapter(window.location.origin) : undefined,
  );
  return useMemo(() => {
    const list: Adapter[] = [];
    if (devnet) list.push(getBurnerAdapter());
    if (mobile) list.push(mobile);
    return list;
  }, [devnet, mobile]);
}
