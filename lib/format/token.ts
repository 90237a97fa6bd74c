/** Token amount display (each token's own decimals, protocol.md §1). */
import { formatFixed } from '@/lib/format/fixed';

export interface TokenAmountOptions {
  /** Most fraction digits shown (default: min(decimals, 4)); trailing zeros are trimmed. */
  maxDigits?: number;
  /** Append the symbol ("1.5 SOL"). */
  symbol?: string;
}

/** `formatTokenAmount(1_500_000_000n, 9)` → `"1.5"`; `{symbol: 'SOL'}` → `"1.5 SOL"`. */
export function formatTokenAmount(amount: bigint, decimals: number, { maxDigits, symbol }: TokenAmountOptions = {}): string {
  const digits = Math.min(decimals, maxDigits ?? Math.min(decimals, 4));
  const s = formatFixed(amount, decimals, { digits, trim: true });
  return symbol ? `${s} ${symbol}` : s;
}

/** Amount as a plain decimal for an input field ("1.5"): every digit kept, no grouping. */
export function tokenAmountToInput(amount: bigint, decimals: number): string {
  return formatFixed(amount, decimals, { digits: decimals, trim: true, group: false });
}
