'use client';
import { useWalletModal } from '@/components/wallet/wallet-modal-context';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { AccountMenu } from '@/components/wallet/account-menu';
import { useWalletStore } from '@/lib/state/wallet';

/**
 * "Connect wallet" until a wallet is connected, then the account menu (short address, copy, disconnect). The box
 * has a fixed size (the account button's), so the header never moves when the wallet connects or reconnects; while
 * a previously connected wallet reconnects after a reload it shows a placeholder of that size.
 */
export function WalletButton() {
  return (
    <div className="flex h-11 w-[9.75rem] shrink-0 items-center justify-end md:h-8">
      <WalletButtonContent />
    </div>
  );
}

function WalletButtonContent() {
  const publicKey = useWalletStore((s) => s.publicKey);
  const connecting = useWalletStore((s) => s.connecting);
  const restoring = useWalletStore((s) => s.restoring);
  const { setVisible } = useWalletModal();
  if (publicKey) return <AccountMenu address={publicKey} />;
  if (restoring) return <Skeleton className="h-11 w-full rounded-lg md:h-8" />;
  return (
    <Button variant="primary" size="sm" loading={connecting} onClick={() => setVisible(true)} data-testid="connect-wallet" className="whitespace-nowrap">
      {connecting ? 'Connecting' : 'Connect wallet'}
    </Button>
  );
}
