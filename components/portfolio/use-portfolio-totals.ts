'use client';
/**
 * Portfolio totals of the connected wallet (lib/trade), from the very data the rows show: the one account query,
 * the live prices the position rows use, each position through the rows' own positionView with the PnL setting.
 * So the totals move with the rows, on the same refresh, and add up to them.
 */
import type { Account, HistoryEvent, Pool } from '@/lib/client/types';
import { usePrices } from '@/lib/hooks/use-prices';
import type { PoolId, TokenId } from '@/lib/math/ids';
import { useSettings } from '@/lib/state/settings';
import { portfolioTotals } from '@/lib/trade/portfolio-totals';
import type { PortfolioTotals } from '@/lib/trade/portfolio-totals';
import { positionView } from '@/lib/trade/position-view';

export function usePortfolioTotals({ account, history, pools }: { account: Account | undefined; history: HistoryEvent[] | undefined; pools: Pool[] | undefined }): (PortfolioTotals & { withFees: boolean }) | undefined {
  const prices = usePrices();
  const withFees = useSettings((s) => s.pnlWithFees);
  if (!account) return undefined;
  const tokenPrices: Partial<Record<TokenId, bigint>> = { SOL: prices.SOL?.price, WBTC: prices.BTC?.price, BONK: prices.BONK?.price };
  const lpPricesUsd: Partial<Record<PoolId, bigint>> = {};
  for (const p of pools ?? []) lpPricesUsd[p.id] = p.lpPriceUsd;
  const positions = account.positions.map((p) => ({
    collateralUsd: p.collateralUsd,
    // The row's price: PositionsList passes the live price, or the entry while no price is known.
    ...positionView({ market: p.market, position: p, price: prices[p.market]?.price ?? p.entryPrice, withFees }),
  }));
  const totals = portfolioTotals({
    balances: account.balances,
    tokenPrices,
    lp: account.lp,
    lpPricesUsd,
    positions,
    realizedPnlUsd: (history ?? []).map((e) => e.realizedPnlUsd),
  });
  return { ...totals, withFees };
}
