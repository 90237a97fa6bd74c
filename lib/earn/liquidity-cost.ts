/**
 * The whole cost of an LP deposit or withdrawal in USD, not only the fee rate (issue: "the total effective cost"):
 * the fee, and the oracle band (deposits are valued at the low, withdrawals paid at the high, protocol.md §2), both
 * measured against the oracle mid. Rounded down per step as the engine's conversions are.
 */
import { tokenToUsd } from '@/lib/math/convert';

export interface LiquidityCost {
  /** What the tokens are worth at the mid: deposited, or received (before the fee) for a withdrawal. */
  baseUsd: bigint;
  feeUsd: bigint;
  bandUsd: bigint;
  totalUsd: bigint;
}

const usd = (amount: bigint, mid: bigint, decimals: number) => tokenToUsd({ amount, price: mid, decimals }, 'floor');
const atLeast0 = (v: bigint) => (v > 0n ? v : 0n);

/** Deposit: `base = usd(amount, mid)`; `fee = usd(fee, mid)`; `band = usd(amount − fee, mid) − valueUsd`; total = base − valueUsd. */
export function addLiquidityCost({ amount, feeAmount, valueUsd, mid, decimals }: { amount: bigint; feeAmount: bigint; valueUsd: bigint; mid: bigint; decimals: number }): LiquidityCost {
  const baseUsd = usd(amount, mid, decimals);
  return { baseUsd, feeUsd: usd(feeAmount, mid, decimals), bandUsd: atLeast0(usd(amount - feeAmount, mid, decimals) - valueUsd), totalUsd: atLeast0(baseUsd - valueUsd) };
}

/** Withdrawal of LP worth `usdOut`: `band = usdOut − usd(gross, mid)`; `fee = usd(fee, mid)`; total = usdOut − usd(amountOut, mid). */
export function removeLiquidityCost({ usdOut, grossAmount, feeAmount, mid, decimals }: { usdOut: bigint; grossAmount: bigint; feeAmount: bigint; mid: bigint; decimals: number }): LiquidityCost {
  return {
    baseUsd: usdOut,
    feeUsd: usd(feeAmount, mid, decimals),
    bandUsd: atLeast0(usdOut - usd(grossAmount, mid, decimals)),
    totalUsd: atLeast0(usdOut - usd(grossAmount - feeAmount, mid, decimals)),
  };
}
