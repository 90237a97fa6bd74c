/**
 * Text for error messages, with bigint string arithmetic only (display for the UI lives in lib/format). Trailing
 * fraction zeros are trimmed and thousands grouped: describeUsd(1_000_000_000_000n) = "$1,000,000".
 */
import { pow10, PRICE_DECIMALS, USD_DECIMALS } from './scales';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `value / 10^decimals` as text, at most `maxFraction` fraction digits (truncated toward zero), zeros trimmed. */
export function describeFixed(value: bigint, decimals: number, maxFraction: number = decimals): string {
  const sign = value < 0n ? '-' : '';
  const magnitude = value < 0n ? -value : value;
  const scale = pow10(decimals);
  const whole = groupThousands((magnitude / scale).toString());
  const fraction = (magnitude % scale).toString().padStart(decimals, '0').slice(0, maxFraction).replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** USD (6 decimals) as "$1,000.5" with at most 2 fraction digits (truncated), "-$933.33" when negative. */
export function describeUsd(usd: bigint): string {
  const text = describeFixed(usd, USD_DECIMALS, 2);
  return text.startsWith('-') ? `-$${text.slice(1)}` : `$${text}`;
}

/** A price (10 decimals) with every significant digit: "$121.05", "$0.000025". */
export function describePrice(price: bigint): string {
  return `$${describeFixed(price, PRICE_DECIMALS)}`;
}

/** Leverage in bps as "150x", "1.1x" or "100.0001x" (every digit kept, so a refusal never reads "100x is above 100x"). */
export function describeLeverage(leverageBps: bigint): string {
  return `${describeFixed(leverageBps, 4)}x`;
}

/** Basis points as a percentage: 4100n → "41%", 25n → "0.25%". */
export function describeBps(bps: bigint): string {
  return `${describeFixed(bps, 2)}%`;
}
