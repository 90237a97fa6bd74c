/**
 * Portfolio totals (the /portfolio page): wallet tokens valued at the oracle mid (USDC $1, protocol.md §1), LP
 * tokens at the pool's LP price (§8), open positions at their net value (collateral + price PnL − exit and
 * borrow fees, what closing now would pay before slippage), plus unrealised and realised PnL. Floors every
 * conversion: a total never shows more than the parts are worth.
 */
import { tokenToUsd } from '@/lib/math/convert';
import type { PoolId, TokenId } from '@/lib/math/ids';
import { TOKENS } from '@/lib/math/params';
import { LP_DECIMALS, PRICE_ONE } from '@/lib/math/scales';

export interface PortfolioInput {
  balances: Record<TokenId, bigint>;
  /** Mid price per token (1e10); USDC is always $1. A token without a price counts as 0. */
  tokenPrices: Partial<Record<TokenId, bigint>>;
  lp: Record<PoolId, bigint>;
  /** USD per LP token, 6 decimals. */
  lpPricesUsd: Partial<Record<PoolId, bigint>>;
  /**
   * Each open position as its row shows it (lib/trade positionView at the same live price): net PnL for the net
   * value, and the PnL the row shows (after or before fees, per the setting) for the unrealised total.
   */
  positions: readonly { collateralUsd: bigint; netPnlUsd: bigint; shownPnlUsd: bigint }[];
  realizedPnlUsd: readonly (bigint | undefined)[];
}

export interface PortfolioTotals {
  walletUsd: bigint;
  lpUsd: bigint;
  positionsUsd: bigint;
  totalUsd: bigint;
  /** The sum of the rows' PnL (after or before fees, as the rows show it). */
  unrealizedPnlUsd: bigint;
  realizedPnlUsd: bigint;
}

export function tokenValueUsd({ token, amount, price }: { token: TokenId; amount: bigint; price: bigint | undefined }): bigint {
  const mid = token === 'USDC' ? PRICE_ONE : price;
  if (mid === undefined || amount <= 0n) return 0n;
  return tokenToUsd({ amount, price: mid, decimals: TOKENS[token].decimals }, 'floor');
}

export function lpValueUsd({ lpAmount, lpPriceUsd }: { lpAmount: bigint; lpPriceUsd: bigint | undefined }): bigint {
  if (lpPriceUsd === undefined || lpAmount <= 0n) return 0n;
  return (lpAmount * lpPriceUsd) / 10n ** BigInt(LP_DECIMALS);
}

export function portfolioTotals(input: PortfolioInput): PortfolioTotals {
  let walletUsd = 0n;
  for (const [token, amount] of Object.entries(input.balances) as [TokenId, bigint][]) walletUsd += tokenValueUsd({ token, amount, price: input.tokenPrices[token] });
  let lpUsd = 0n;
  for (const [pool, lpAmount] of Object.entries(input.lp) as [PoolId, bigint][]) lpUsd += lpValueUsd({ lpAmount, lpPriceUsd: input.lpPricesUsd[pool] });
  let positionsUsd = 0n;
  let unrealizedPnlUsd = 0n;
  for (const p of input.positions) {
    const net = p.collateralUsd + p.netPnlUsd;
    positionsUsd += net > 0n ? net : 0n;
    unrealizedPnlUsd += p.shownPnlUsd;
  }
  const realizedPnlUsd = input.realizedPnlUsd.reduce<bigint>((sum, v) => sum + (v ?? 0n), 0n);
  return { walletUsd, lpUsd, positionsUsd, totalUsd: walletUsd + lpUsd + positionsUsd, unrealizedPnlUsd, realizedPnlUsd };
}
