'use client';
import { useWallet } from '@solana/wallet-adapter-react';

/** The connected wallet's address (base58), or `undefined` when no wallet is connected. */
export function useOwner(): string | undefined {
  const { publicKey } = useWallet();
  return publicKey?.toBase58();
}
