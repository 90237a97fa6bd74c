'use client';
import { useState } from 'react';
import { errorMessage } from '@/lib/client/api-error';
import { formatTokenAmount } from '@/lib/format/token';
import { useAction } from '@/lib/hooks/use-action';
import { useDevnet } from '@/lib/hooks/use-health';
import { useOwner } from '@/lib/hooks/use-owner';
import { toast } from '@/lib/state/toasts';
import { TEST_FUNDS } from '@/lib/wallet/test-funds';

/**
 * Local network faucet: `draw()` signs one `faucet` intent per token of `TEST_FUNDS` and reports what arrived in
 * one toast. It stops at the first refusal (e.g. FAUCET_COOLDOWN) and shows the API's sentence.
 * `available` is false when the local network is off or no wallet is connected.
 */
export function useTestFunds() {
  const devnet = useDevnet();
  const owner = useOwner();
  const { run } = useAction();
  const [busy, setBusy] = useState(false);

  const draw = async () => {
    setBusy(true);
    const id = toast.pending('Drawing test funds…');
    const received: string[] = [];
    try {
      for (const f of TEST_FUNDS) {
        await run('faucet', { token: f.token, amount: f.amount }, { silent: true });
        received.push(formatTokenAmount(f.amount, f.decimals, { symbol: f.token }));
      }
      toast.update(id, { kind: 'success', title: 'Test funds received', description: received.join(' · ') });
    } catch (e) {
      if (received.length > 0) toast.update(id, { kind: 'info', title: `Received ${received.join(', ')}`, description: errorMessage(e) });
      else toast.update(id, { kind: 'error', title: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return { draw, busy, available: devnet === true && owner !== undefined };
}
