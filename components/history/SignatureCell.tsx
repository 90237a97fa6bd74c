'use client';
import { useState } from 'react';
import { Cell } from '@/components/positions/Cell';

/**
 * The transaction an event landed in (the indexer's signature): shortened, the whole signature copied on press, as
 * the toasts do. "–" for rows recorded without one.
 */
export function SignatureCell({ signature }: { signature: string | undefined }) {
  const [copied, setCopied] = useState(false);
  if (!signature) return <Cell label="Transaction" className="max-md:hidden">–</Cell>;
  const short = `${signature.slice(0, 4)}…${signature.slice(-4)}`;
  const copy = () =>
    void navigator.clipboard
      ?.writeText(signature)
      .then(() => setCopied(true))
      .catch(() => undefined);
  return (
    <Cell label="Transaction">
      <button
        type="button"
        data-testid="history-signature"
        data-signature={signature}
        title={signature}
        aria-label={`Copy the transaction signature ${short}`}
        onClick={copy}
        className="min-h-6 font-mono text-xs text-accent underline-offset-2 hover:underline"
      >
        {copied ? 'Copied' : short}
      </button>
    </Cell>
  );
}
