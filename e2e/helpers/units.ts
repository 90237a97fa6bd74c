/** Human decimals → the API's integer strings (protocol.md §1), for test set-up only. */
const DECIMAL = /^\d+(\.\d+)?$/;

/** `toUnits("150.25", 10)` → `"1502500000000"`. Throws on malformed input or too many fraction digits. */
export function toUnits(text: string, decimals: number): string {
  if (!DECIMAL.test(text)) throw new Error(`Not a plain decimal: ${text}`);
  const [int = '0', frac = ''] = text.split('.');
  if (frac.length > decimals) throw new Error(`${text} has more than ${decimals} fraction digits`);
  return (BigInt(int) * 10n ** BigInt(decimals) + BigInt(frac.padEnd(decimals, '0') || '0')).toString();
}

export const PRICE_DECIMALS = 10;
export const TOKEN_DECIMALS = { USDC: 6, SOL: 9, WBTC: 8, BONK: 5 } as const;
