'use client';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { PoolSection } from '@/components/earn/PoolSection';
import { useAccount } from '@/lib/hooks/use-account';
import { useMarkets } from '@/lib/hooks/use-markets';
import { useOwner } from '@/lib/hooks/use-owner';
import { usePools } from '@/lib/hooks/use-pools';
import { POOL_IDS } from '@/lib/math/ids';
import { withOrderedCustodies } from '@/lib/earn/order';
import { useMemo } from 'react';

function LoadingPools() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading pools">
      {POOL_IDS.map((id) => (
        <div key={id} className="space-y-3 rounded-card border border-line bg-bg-panel p-4">
          <Skeleton className="h-5 w-40" />
          <Skeleton className="h-16 w-full" />
        </div>
      ))}
    </div>
  );
}

/** The earn screen's data: pools, markets (prices, open interest) and the connected wallet's account. */
export function EarnView() {
  const pools = usePools();
  const markets = useMarkets();
  const owner = useOwner();
  const account = useAccount();
  const ordered = useMemo(() => POOL_IDS.flatMap((id) => (pools.data ?? []).filter((p) => p.id === id).map(withOrderedCustodies)), [pools.data]);
  if (pools.isError || markets.isError) {
    return (
      <div role="alert" className="space-y-3 rounded-card border border-line bg-bg-panel p-4 text-sm">
        <p>Could not load the pools. {(pools.error ?? markets.error)?.message}</p>
        <Button
          onClick={() => {
            void pools.refetch();
            void markets.refetch();
          }}
        >
          Try again
        </Button>
      </div>
    );
  }
  if (!pools.data || !markets.data) return <LoadingPools />;
  return (
    <div className="space-y-10">
      {ordered.map((pool) => (
        <PoolSection key={pool.id} pool={pool} markets={markets.data} account={account.data} connected={owner !== undefined} />
      ))}
    </div>
  );
}
