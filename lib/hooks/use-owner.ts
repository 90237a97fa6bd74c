'use client';
import { useWalletStore } from '@/lib/state/wallet';

/** The connected wallet's address (base58), or `undefined` when no wallet is connected. */
export function useOwner(): string | undefined {
  return useWalletStore((s) => s.publicKey);
}
