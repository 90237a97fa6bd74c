'use client';
/**
 * Actions as transactions (api.md § Acting): guard → the server builds the unsigned transaction
 * (`POST /api/transactions/{action}`, simulated there: a refusal comes back as its sentence) → the wallet signs →
 * sent to the chain (`POST /api/rpc`) → confirmed → toast with the signature → invalidate. The trader sees each
 * step: preparing, waiting for the wallet, sending, confirming, done.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { ApiError, errorMessage } from '@/lib/client/api-error';
import { buildTransaction, confirmSignature, fromBase64, sendSigned } from '@/lib/client/chain-tx';
import { serializeParams, type ActionParams } from '@/lib/client/action-params';
import type { ActionName } from '@/lib/client/wire';
import { queryKeys } from '@/lib/hooks/query-keys';
import { toast } from '@/lib/state/toasts';
import { useWalletStore } from '@/lib/state/wallet';

export interface RunOptions {
  /** Toast title while the wallet is asked (default "Confirm in your wallet"). */
  pendingTitle?: string;
  /** Toast title on success (default "Done"). */
  successTitle?: string;
  /** Optional second line of the success toast (the signature follows it). */
  successDescription?: string;
  /** Skip toasts. */
  silent?: boolean;
}

export interface ActionResult {
  signature: string;
  accounts: { position?: string; order?: string };
}

const isUserRejection = (e: unknown) => e instanceof Error && /reject|cancel|denied|declined/i.test(`${e.name} ${e.message}`);
const short = (sig: string) => `${sig.slice(0, 6)}…${sig.slice(-6)}`;

export function useAction() {
  const publicKey = useWalletStore((s) => s.publicKey);
  const signTransaction = useWalletStore((s) => s.signTransaction);
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const inFlight = useRef(0);

  const run = useCallback(
    async (action: ActionName, params: ActionParams, opts: RunOptions = {}): Promise<ActionResult> => {
      if (!publicKey) throw notify(new ApiError({ status: 0, code: 'WALLET_NOT_CONNECTED', message: 'Connect a wallet first.' }), opts);
      if (!signTransaction)
        throw notify(new ApiError({ status: 0, code: 'WALLET_CANNOT_SIGN', message: 'This wallet cannot sign transactions. Choose another wallet.' }), opts);
      const owner = publicKey;
      const step = (title: string, description?: string) => (toastId !== undefined ? toast.update(toastId, { kind: 'pending', title, description }) : undefined);
      const toastId = opts.silent ? undefined : toast.pending('Preparing the transaction…');
      inFlight.current += 1;
      setPending(true);
      try {
        const built = await buildTransaction(action, owner, serializeParams(params));
        step(opts.pendingTitle ?? 'Confirm in your wallet');
        let signed: Uint8Array;
        try {
          signed = await signTransaction(fromBase64(built.transaction));
        } catch (e) {
          throw new ApiError({
            status: 0,
            code: isUserRejection(e) ? 'SIGNATURE_REJECTED' : 'WALLET_CANNOT_SIGN',
            message: isUserRejection(e) ? 'Signature request cancelled.' : errorMessage(e),
          });
        }
        step('Sending…');
        const signature = await sendSigned(signed);
        step('Confirming…', `Signature ${short(signature)}`);
        await confirmSignature(signature);
        if (toastId !== undefined) {
          const description = [opts.successDescription, `Signature ${short(signature)}`].filter(Boolean).join(' · ');
          toast.update(toastId, { kind: 'success', title: opts.successTitle ?? 'Done', description, copy: signature });
        }
        return { signature, accounts: built.accounts };
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
    [publicKey, signTransaction, queryClient],
  );

  return { run, pending, ready: publicKey !== undefined && signTransaction !== undefined };
}

function notify(err: ApiError, opts: RunOptions): ApiError {
  if (!opts.silent) toast.error(err.message);
  return err;
}
