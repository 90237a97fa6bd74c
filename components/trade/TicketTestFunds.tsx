'use client';
/**
 * "Get test funds" inside the ticket on the local network: the shell's faucet hook (the same draws as the header's
 * GetTestFundsButton), with its own test id so that page-wide helpers still find exactly one header button.
 */
import { Button } from '@/components/ui';
import { useTestFunds } from '@/lib/hooks/use-test-funds';

export function TicketTestFunds() {
  const { draw, busy, available } = useTestFunds();
  if (!available) return null;
  return (
    <Button size="sm" variant="ghost" fullWidth loading={busy} onClick={() => void draw()} data-testid="ticket-get-test-funds">
      Get test funds
    </Button>
  );
}
