'use client';
import { Button } from '@/components/ui/button';
import type { ButtonProps } from '@/components/ui/button';
import { useTestFunds } from '@/lib/hooks/use-test-funds';

/** "Get test funds" (local network faucet); renders nothing when the local network is off or no wallet is connected. */
export function GetTestFundsButton({ size = 'sm', variant = 'secondary', className }: Pick<ButtonProps, 'size' | 'variant' | 'className'>) {
  const { draw, busy, available } = useTestFunds();
  if (!available) return null;
  return (
    <Button size={size} variant={variant} loading={busy} onClick={() => void draw()} data-testid="get-test-funds" className={className}>
      Get test funds
    </Button>
  );
}
