'use client';
import { useWallet } from '@solana/wallet-adapter-react';
import { useWalletModal } from '@solana/wallet-adapter-react-ui';
import { Button } from '@/components/ui/button';
import { AccountMenu } from '@/components/wallet/account-menu';

/** "Connect wallet" until a wallet is connected, then the account menu (short address, copy, disconnect). */
export function WalletButton() {
  const { publicKey, connecting } = useWallet();
  const { setVisible } = useWalletModal();
  if (publicKey) return <AccountMenu address={publicKey.toBase58()} />;
  return (
    <Button variant="primary" size="sm" loading={connecting} onClick={() => setVisible(true)} data-testid="connect-wallet" className="whitespace-nowrap">
      {connecting ? 'Connecting' : 'Connect wallet'}
    </Button>
  );
}
