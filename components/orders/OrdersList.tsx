'use client';
/** Open limit orders of the connected wallet, with cancel (escrowed collateral returns, protocol.md §7). */
import { Button, cn } from '@/components/ui';
import { SideBadge } from '@/components/positions/SideBadge';
import { Cell, HeaderRow } from '@/components/positions/Cell';
import { formatDateTimeUtc, formatLeverage, formatPrice, formatTokenAmount } from '@/lib/format';
import { usePositionActions } from '@/lib/hooks/trade/use-position-actions';
import { useAccount } from '@/lib/hooks/use-account';
import { useOwner } from '@/lib/hooks/use-owner';
import { usePrices } from '@/lib/hooks/use-prices';
import { TOKENS } from '@/lib/math/params';

const COLUMNS = 'md:grid-cols-[1fr_1fr_1fr_1fr_0.8fr_1fr_1.2fr_auto]';
const HEADERS = ['Market', 'Trigger', 'Mark', 'Collateral', 'Leverage', 'TP / SL', 'Placed (UTC)', 'Actions'];

export function OrdersList() {
  const owner = useOwner();
  const account = useAccount().data;
  const prices = usePrices();
  const { cancelOrder, pending } = usePositionActions();
  if (!owner) return <p className="px-3 py-6 text-center text-sm text-ink-faint">Connect a wallet to see your orders.</p>;
  const orders = account?.orders ?? [];
  if (orders.length === 0) return <p className="px-3 py-6 text-center text-sm text-ink-faint" data-testid="orders-empty">No open orders.</p>;
  return (
    <div role="table" aria-label="Open orders" data-testid="orders-list">
      <HeaderRow labels={HEADERS} className={COLUMNS} />
      <div role="rowgroup">
        {orders.map((o) => {
          const fmt = (v: bigint) => formatPrice(v, { market: o.market });
          const mark = prices[o.market]?.price;
          return (
            <div role="row" key={o.id} data-testid={`order-${o.market}-${o.side}`} className={cn('grid grid-cols-2 gap-x-3 gap-y-2 border-b border-line px-3 py-3 sm:grid-cols-3 md:items-center md:gap-y-0 md:py-2', COLUMNS)}>
              <div role="cell" className="col-span-2 flex items-center gap-2 sm:col-span-3 md:col-span-1">
                <span className="text-sm font-semibold">{o.market}</span>
                <SideBadge tone={o.side}>Limit {o.side}</SideBadge>
              </div>
              <Cell label="Trigger" testId="order-trigger">{fmt(o.triggerPrice)}</Cell>
              <Cell label="Mark">{mark === undefined ? '–' : fmt(mark)}</Cell>
              <Cell label="Collateral">{formatTokenAmount(o.collateralAmount, TOKENS[o.collateralToken].decimals, { symbol: o.collateralToken })}</Cell>
              <Cell label="Leverage">{formatLeverage(o.leverageBps)}</Cell>
              <Cell label="TP / SL">
                {o.takeProfit === undefined ? '–' : fmt(o.takeProfit)} / {o.stopLoss === undefined ? '–' : fmt(o.stopLoss)}
              </Cell>
              <Cell label="Placed (UTC)">{formatDateTimeUtc(o.createdAt)}</Cell>
              <div role="cell" className="col-span-2 sm:col-span-3 md:col-span-1 md:text-right">
                <Button size="sm" variant="secondary" loading={pending} onClick={() => void cancelOrder({ orderId: o.id }).catch(() => undefined)} data-testid="order-cancel" className="w-full md:w-auto">
                  Cancel
                </Button>
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
