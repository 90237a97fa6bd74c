'use client';
/**
 * The ticket's button: "Connect wallet" without one, the first issue in plain words when the ticket cannot be
 * sent (so nothing invalid is ever signed), otherwise "Long SOL" / "Short SOL" / "Place limit order".
 */
import { useWalletModal } from '@/components/wallet/wallet-modal-context';
import { Button, cn } from '@/components/ui';
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
  /** Background of the panel it is pinned in (the desktop aside or the phone sheet). */
  surface: 'aside' | 'sheet';
}

/** Issues shown under the inputs as soon as the trader types (the empty-amount one only as the button's label). */
const QUIET_CODES = new Set(['AMOUNT_REQUIRED', 'TRIGGER_REQUIRED']);

/**
 * Pinned to the bottom of what scrolls (the page beside the desktop chart, the phone sheet) so the button and the
 * reason it is disabled are always in view, whatever the length of the preview.
 */
export function TicketSubmit({ market, side, orderType, connected, issue, ready, pending, onSubmit, surface }: TicketSubmitProps) {
  const { setVisible } = useWalletModal();
  const label = orderType === 'limit' ? `Place ${side} limit order` : `${side === 'long' ? 'Long' : 'Short'} ${market}`;
  return (
    <div
      data-testid="ticket-submit-bar"
      className={cn('sticky bottom-0 z-10 -mx-4 flex flex-col gap-2 border-t border-line px-4 pt-3 pb-3', surface === 'sheet' ? 'bg-bg-panel' : 'bg-bg-raised')}
    >
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
