'use client';
/** Portfolio totals of the connected wallet from the account, history, pools and live prices (lib/trade). */
import type { Account, HistoryEvent, Pool } from '@/lib/client/types';
import { usePrices } from '@/lib/hooks/use-prices';
import type { PoolId, TokenId } from '@/lib/math/ids';
import { portfolioTotals } from '@/lib/trade/portfolio-totals';
import type { PortfolioTotals } from '@/lib/trade/portfolio-totals';

export function usePortfolioTotals({ account, history, pools }: { account: Account | undefined; history: HistoryEvent[] | undefined; pools: Pool[] | undefined }): PortfolioTotals | undefined {
  const prices = usePrices();
  if (!account) return undefined;
  const tokenPrices: Partial<Record<TokenId, bigint>> = { SOL: prices.SOL?.price, WBTC: prices.BTC?.price, BONK: prices.BONK?.price };
  const lpPricesUsd: Partial<Record<PoolId, bigint>> = {};
  for (const p of pools ?? []) lpPricesUsd[p.id] = p.lpPriceUsd;
  return portfolioTotals({
    balances: account.balances,
    tokenPrices,
    lp: account.lp,
    lpPricesUsd,
    positions: account.positions,
    realizedPnlUsd: (history ?? []).map((e) => e.realizedPnlUsd),
  });
}
