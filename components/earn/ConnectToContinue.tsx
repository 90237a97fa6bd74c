'use client';
import { useWalletModal } from '@/components/wallet/wallet-modal-context';
import { Button } from '@/components/ui/button';
import { useWalletStore } from '@/lib/state/wallet';

/** In place of the submit button while no wallet is connected: opens the app's wallet picker. */
export function ConnectToContinue({ testId }: { testId: string }) {
  // The wallet stack loads on demand: read its mirrored state, never useWallet() (lib/state/wallet.ts).
  const connecting = useWalletStore((w) => w.connecting);
  const { setVisible } = useWalletModal();
  return (
    <Button variant="primary" size="lg" fullWidth loading={connecting} onClick={() => setVisible(true)} data-testid={testId}>
      {connecting ? 'Connecting' : 'Connect a wallet to continue'}
    </Button>
  );
}
