'use client';
/**
 * The ticket's button: "Connect wallet" without one, the first issue in plain words when the ticket cannot be
 * sent (so nothing invalid is ever signed), otherwise "Long SOL" / "Short SOL" / "Place limit order".
 */
import { useWalletModal } from '@solana/wallet-adapter-react-ui';
import { Button } from '@/components/ui';
import type { MarketId, Side } from '@/lib/math/ids';
import type { OrderType, TicketIssue } from '@/lib/trade/ticket-types';
import { SHORT_TEXT } from './short-text';

export interface TicketSubmitProps {
  market: MarketId;
  side: Side;
  orderType: OrderType;
  connected: boolean;
  issue: TicketIssue | undefined;
  ready: boolean;
  pending: boolean;
  onSubmit: () => void;
}

/** Issues shown under the inputs as soon as the trader types (the empty-amount one only as the button's label). */
const QUIET_CODES = new Set(['AMOUNT_REQUIRED', 'TRIGGER_REQUIRED']);

export function TicketSubmit({ market, side, orderType, connected, issue, ready, pending, onSubmit }: TicketSubmitProps) {
  const { setVisible } = useWalletModal();
  const label = orderType === 'limit' ? `Place ${side} limit order` : `${side === 'long' ? 'Long' : 'Short'} ${market}`;
  return (
    <div className="flex flex-col gap-2">
      {issue && !QUIET_CODES.has(issue.code) && (
        <p role="alert" data-testid="ticket-issue" data-code={issue.code} className="rounded-md border border-short/40 bg-short-soft px-3 py-2 text-xs text-short">
          {issue.message}
        </p>
      )}
      {connected ? (
        <Button
          variant={side === 'long' ? 'long' : 'short'}
          className={side === 'short' ? SHORT_TEXT : undefined}
          size="lg"
          fullWidth
          data-testid="ticket-submit"
          disabled={issue !== undefined || !ready}
          loading={pending}
          onClick={onSubmit}
        >
          {issue && QUIET_CODES.has(issue.code) ? issue.message.replace(/\.$/, '') : label}
        </Button>
      ) : (
        <Button variant="primary" size="lg" fullWidth data-testid="ticket-connect" onClick={() => setVisible(true)}>
          Connect wallet
        </Button>
      )}
    </div>
  );
}
