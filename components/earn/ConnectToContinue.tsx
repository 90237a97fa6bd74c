'use client';
import { useWallet } from '@solana/wallet-adapter-react';
import { useWalletModal } from '@solana/wallet-adapter-react-ui';
import { Button } from '@/components/ui/button';

/** In place of the submit button while no wallet is connected: opens the app's wallet picker. */
export function ConnectToContinue({ testId }: { testId: string }) {
  const { connecting } = useWallet();
  const { setVisible } = useWalletModal();
  return (
    <Button variant="primary" size="lg" fullWidth loading={connecting} onClick={() => setVisible(true)} data-testid={testId}>
      {connecting ? 'Connecting' : 'Connect a wallet to continue'}
    </Button>
  );
}
