'use client';
/** Under the chart (Adrena): Positions, Orders and History of the connected wallet. */
import { useState } from 'react';
import { Tabs } from '@/components/ui';
import { HistoryList } from '@/components/history/HistoryList';
import { OrdersList } from '@/components/orders/OrdersList';
import { PositionsList } from '@/components/positions/PositionsList';
import { useAccount } from '@/lib/hooks/use-account';
import type { MarketId } from '@/lib/math/ids';

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
