'use client';
import { useState } from 'react';
import { errorMessage } from '@/lib/client/api-error';
import { formatTokenAmount } from '@/lib/format/token';
import { drawTestFunds } from '@/lib/client/api';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@/lib/hooks/query-keys';
import { useDevnet } from '@/lib/hooks/use-health';
import { useOwner } from '@/lib/hooks/use-owner';
import { toast } from '@/lib/state/toasts';
import { TEST_FUNDS } from '@/lib/wallet/test-funds';

/**
 * Local network faucet: `draw()` asks `POST /api/dev/faucet` for §9's basket (one transaction of the faucet: the four
 * tokens to the wallet's token accounts, SOL for fees) and reports what arrived in one toast, or the API's sentence
 * (e.g. FAUCET_COOLDOWN). `available` is false when the local network is off or no wallet is connected.
 */
export function useTestFunds() {
  const devnet = useDevnet();
  const owner = useOwner();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);

  const draw = async () => {
    if (!owner) return;
    setBusy(true);
    const id = toast.pending('Drawing test funds…');
    try {
      const { signature } = await drawTestFunds(owner);
      const received = TEST_FUNDS.map((f) => formatTokenAmount(f.amount, f.decimals, { symbol: f.token }));
      toast.update(id, { kind: 'success', title: 'Test funds received', description: received.join(' · '), copy: signature });
    } catch (e) {
      toast.update(id, { kind: 'error', title: errorMessage(e) });
    } finally {
      setBusy(false);
      void queryClient.invalidateQueries({ queryKey: queryKeys.account(owner) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.history(owner) });
    }
  };

  return { draw, busy, available: devnet === true && owner !== undefined };
}
