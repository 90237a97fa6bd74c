'use client';
import { useWalletModal } from '@solana/wallet-adapter-react-ui';
import { Button } from '@/components/ui/button';
import { AccountMenu } from '@/components/wallet/account-menu';
import { useWalletStore } from '@/lib/state/wallet';

/** "Connect wallet" until a wallet is connected, then the account menu (short address, copy, disconnect). */
export function WalletButton() {
  const publicKey = useWalletStore((s) => s.publicKey);
  const connecting = useWalletStore((s) => s.connecting);
  const { setVisible } = useWalletModal();
  if (publicKey) return <AccountMenu address={publicKey} />;
  return (
    <Button variant="primary" size="sm" loading={connecting} onClick={() => setVisible(true)} data-testid="connect-wallet" className="whitespace-nowrap">
      {connecting ? 'Connecting' : 'Connect wallet'}
    </Button>
  );
}
