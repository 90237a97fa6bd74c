'use client';
/**
 * The connected wallet's open positions (api.md Position), updated live: prices from the stream, the account
 * refetched on position events. A table on desktop, cards on phones (same DOM).
 */
import dynamic from 'next/dynamic';
import { useState } from 'react';
import type { ComponentProps } from 'react';
import { Skeleton } from '@/components/ui';
import type { Position } from '@/lib/client/types';
import { useAccount } from '@/lib/hooks/use-account';
import { useOwner } from '@/lib/hooks/use-owner';
import { usePrice } from '@/lib/hooks/use-prices';
import { useSettings } from '@/lib/state/settings';
import type { MarketId } from '@/lib/math/ids';
import { HeaderRow } from './Cell';
import { PositionRow } from './PositionRow';
import type { PositionDialog } from './PositionRow';
import { POSITION_COLUMNS, POSITION_HEADERS } from './position-columns';
import { PnlSettingToggle } from './PnlSettingToggle';

/** The close / collateral / TP-SL dialogs load on first use (kept out of the first load of /trade). */
const PositionDialogs = dynamic(() => import('./PositionDialogs').then((m) => m.PositionDialogs), { ssr: false });

export function PositionsList({ market }: { market?: MarketId | undefined }) {
  const owner = useOwner();
  const { data: account, isLoading } = useAccount();
  const withFees = useSettings((s) => s.pnlWithFees);
  const [dialog, setDialog] = useState<{ kind: PositionDialog; positionId: string } | undefined>(undefined);
  if (!owner) return <Empty>Connect a wallet to see your positions.</Empty>;
  if (isLoading || !account) return <Skeleton className="m-3 h-10 w-[calc(100%-1.5rem)]" />;
  const positions: Position[] = market ? [...account.positions].sort((a, b) => Number(b.market === market) - Number(a.market === market)) : account.positions;
  const open = dialog && account.positions.find((p) => p.id === dialog.positionId);
  return (
    <div data-testid="positions-list">
      <div className="flex justify-end px-3 pt-2">
        <PnlSettingToggle />
      </div>
      {positions.length === 0 ? (
        <Empty>No open positions.</Empty>
      ) : (
        <div role="table" aria-label="Open positions">
          <HeaderRow labels={POSITION_HEADERS} className={POSITION_COLUMNS} />
          <div role="rowgroup">
            {positions.map((p) => (
              <LivePositionRow key={p.id} position={p} withFees={withFees} onAction={(kind) => setDialog({ kind, positionId: p.id })} />
            ))}
          </div>
        </div>
      )}
      {open && dialog && <LivePositionDialogs kind={dialog.kind} position={open} onClose={() => setDialog(undefined)} />}
    </div>
  );
}

/** A row with its market's live price: a tick re-renders the rows of that market, not the list. */
function LivePositionRow(props: Omit<ComponentProps<typeof PositionRow>, 'price'>) {
  const price = usePrice(props.position.market)?.price ?? props.position.entryPrice;
  return <PositionRow {...props} price={price} />;
}

function LivePositionDialogs({ kind, position, onClose }: { kind: PositionDialog; position: Position; onClose: () => void }) {
  const price = usePrice(position.market)?.price ?? position.entryPrice;
  return <PositionDialogs kind={kind} position={position} price={price} onClose={onClose} />;
}

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="px-3 py-6 text-center text-sm text-ink-faint">{children}</p>;
}
