'use client';
/**
 * Signed actions (api.md § Acting): guard → build the intent → wallet `signMessage` → `POST /api/actions` →
 * toast → invalidate. The refusal's sentence from the API is what the trader reads.
 */
import { useQueryClient } from '@tanstack/react-query';
import bs58 from 'bs58';
import { useCallback, useRef, useState } from 'react';
import { postAction } from '@/lib/client/api';
import { ApiError, errorMessage } from '@/lib/client/api-error';
import { buildIntentMessage, INTENT_LIFETIME_MS, newNonce } from '@/lib/client/intent';
import type { IntentParams } from '@/lib/client/intent';
import type { ActionName } from '@/lib/client/wire';
import { queryKeys } from '@/lib/hooks/query-keys';
import { toast } from '@/lib/state/toasts';
import { useWalletStore } from '@/lib/state/wallet';

export interface RunOptions {
  /** Toast title while waiting (default "Confirm in your wallet"). */
  pendingTitle?: string;
  /** Toast title on success (default "Done"). */
  successTitle?: string;
  /** Optional second line of the success toast. */
  successDescription?: string;
  /** Skip toasts (e.g. the faucet button shows one summary toast for several draws). */
  silent?: boolean;
}

const isUserRejection = (e: unknown) => e instanceof Error && /reject|cancel|denied|declined/i.test(`${e.name} ${e.message}`);

export function useAction() {
  const publicKey = useWalletStore((s) => s.publicKey);
  const signMessage = useWalletStore((s) => s.signMessage);
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const inFlight = useRef(0);

  const run = useCallback(
    async <T = unknown>(action: ActionName, params: IntentParams, opts: RunOptions = {}): Promise<T> => {
      if (!publicKey) throw notify(new ApiError({ status: 0, code: 'WALLET_NOT_CONNECTED', message: 'Connect a wallet first.' }), opts);
      if (!signMessage)
        throw notify(new ApiError({ status: 0, code: 'WALLET_CANNOT_SIGN', message: 'This wallet cannot sign messages. Choose another wallet.' }), opts);
      const owner = publicKey;
      const message = buildIntentMessage({
        domain: window.location.host,
        owner,
        action,
        params,
        nonce: newNonce(),
        expiresAt: Date.now() + INTENT_LIFETIME_MS,
      });
      const toastId = opts.silent ? undefined : toast.pending(opts.pendingTitle ?? 'Confirm in your wallet');
      inFlight.current += 1;
      setPending(true);
      try {
        let signature: Uint8Array;
        try {
          signature = await signMessage(new TextEncoder().encode(message));
        } catch (e) {
          throw new ApiError({
            status: 0,
            code: isUserRejection(e) ? 'SIGNATURE_REJECTED' : 'WALLET_CANNOT_SIGN',
            message: isUserRejection(e) ? 'Signature request cancelled.' : errorMessage(e),
          });
        }
        const result = (await postAction({ message, signature: bs58.encode(signature), publicKey: owner })) as T;
        if (toastId !== undefined) toast.update(toastId, { kind: 'success', title: opts.successTitle ?? 'Done', description: opts.successDescription });
        return result;
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError({ status: 0, code: 'UNKNOWN', message: errorMessage(e) });
        if (toastId !== undefined) toast.update(toastId, { kind: 'error', title: err.message });
        throw err;
      } finally {
        inFlight.current -= 1;
        if (inFlight.current === 0) setPending(false);
        void queryClient.invalidateQueries({ queryKey: queryKeys.account(owner) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.history(owner) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.pools });
        void queryClient.invalidateQueries({ queryKey: queryKeys.markets });
      }
    },
    [publicKey, signMessage, queryClient],
  );

  return { run, pending, ready: publicKey !== undefined && signMessage !== undefined };
}

function notify(err: ApiError, opts: RunOptions): ApiError {
  if (!opts.silent) toast.error(err.message);
  return err;
}
