'use client';
/**
 * Under the chart (Adrena): Positions, Orders and History of the connected wallet. Orders and History are
 * behind their tabs, so their code loads when first opened (next/dynamic), not in /trade's first load.
 */
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { Skeleton, Tabs } from '@/components/ui';
import { PositionsList } from '@/components/positions/PositionsList';
import { useAccount } from '@/lib/hooks/use-account';
import type { MarketId } from '@/lib/math/ids';

const OrdersList = dynamic(() => import('@/components/orders/OrdersList').then((m) => m.OrdersList), { loading: () => <PanelSkeleton /> });
const HistoryList = dynamic(() => import('@/components/history/HistoryList').then((m) => m.HistoryList), { loading: () => <PanelSkeleton /> });

function PanelSkeleton() {
  return <Skeleton className="m-3 h-16" />;
}

type Panel = 'positions' | 'orders' | 'history';

export function AccountPanel({ market }: { market: MarketId }) {
  const [panel, setPanel] = useState<Panel>('positions');
  const account = useAccount().data;
  const count = (n: number | undefined) => (n ? ` (${n})` : '');
  return (
    <section aria-label="Your trading" className="flex flex-col">
      <div className="border-b border-line px-3">
        <Tabs<Panel>
          label="Positions, orders and history"
          variant="underline"
          idPrefix="account"
          value={panel}
          onChange={setPanel}
          className="border-b-0"
          items={[
            { value: 'positions', label: `Positions${count(account?.positions.length)}` },
            { value: 'orders', label: `Orders${count(account?.orders.length)}` },
            { value: 'history', label: 'History' },
          ]}
        />
      </div>
      <div role="tabpanel" id={`account-panel-${panel}`} aria-labelledby={`account-tab-${panel}`}>
        {panel === 'positions' && <PositionsList market={market} />}
        {panel === 'orders' && <OrdersList />}
        {panel === 'history' && <HistoryList />}
      </div>
    </section>
  );
}
