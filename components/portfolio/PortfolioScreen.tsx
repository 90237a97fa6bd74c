'use client';
/** /portfolio: the connected wallet's total value and PnL, positions, orders, balances, LP holdings and history. */
import { useWalletModal } from '@/components/wallet/wallet-modal-context';
import { Button, Skeleton } from '@/components/ui';
import { HistoryList } from '@/components/history/HistoryList';
import { OrdersList } from '@/components/orders/OrdersList';
import { PositionsList } from '@/components/positions/PositionsList';
import { useAccount } from '@/lib/hooks/use-account';
import { useHistory } from '@/lib/hooks/use-history';
import { useOwner } from '@/lib/hooks/use-owner';
import { usePools } from '@/lib/hooks/use-pools';
import { HoldingsList } from './HoldingsList';
import { PortfolioSummary } from './PortfolioSummary';
import { Section } from './Section';
import { usePortfolioTotals } from './use-portfolio-totals';

export function PortfolioScreen() {
  const owner = useOwner();
  const { setVisible } = useWalletModal();
  const account = useAccount().data;
  const history = useHistory().data;
  const pools = usePools().data;
  const totals = usePortfolioTotals({ account, history, pools });
  if (!owner)
    return (
      <div className="flex flex-col items-center gap-3 px-4 py-16 text-center">
        <p className="text-sm text-ink-muted">Connect a wallet to see its positions, orders, balances and LP holdings.</p>
        <Button variant="primary" onClick={() => setVisible(true)} data-testid="portfolio-connect">
          Connect wallet
        </Button>
      </div>
    );
  return (
    <div className="flex flex-col gap-4 p-3 md:p-4">
      {totals ? <PortfolioSummary totals={totals} /> : <Skeleton className="h-20 w-full" />}
      <Section title="Positions">
        <PositionsList />
      </Section>
      <Section title="Orders">
        <OrdersList />
      </Section>
      <Section title="Balances and liquidity">{account ? <HoldingsList account={account} pools={pools} /> : <Skeleton className="m-3 h-10 w-40" />}</Section>
      <Section title="History">
        <HistoryList all />
      </Section>
    </div>
  );
}
