/** The 25 / 50 / Max buttons of an amount field: a fraction of a balance, floored (never more than held). */
import { mulDivFloor } from '@/lib/math/bigmath';
import { BPS } from '@/lib/math/scales';

export const AMOUNT_FRACTIONS_BPS: readonly { label: string; fractionBps: bigint }[] = [
  { label: '25%', fractionBps: 2_500n },
  { label: '50%', fractionBps: 5_000n },
  { label: 'Max', fractionBps: 10_000n },
];

/** `floor(balance × fraction / 10000)`; 0 for an empty or negative balance. */
export function amountForFraction({ balance, fractionBps }: { balance: bigint; fractionBps: bigint }): bigint {
  if (balance <= 0n) return 0n;
  return mulDivFloor(balance, fractionBps, BPS);
}

/** Exact decimal text of a fixed-point amount for an input field ("1.5" for 1_500_000_000n at 9), no trailing zeros. */
export function amountToInputText({ amount, decimals }: { amount: bigint; decimals: number }): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const scale = 10n ** BigInt(decimals);
  const whole = abs / scale;
  const fraction = (abs % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? '.' + fraction : ''}`;
}
