/**
 * Parsing what a person types on the earn screen straight into bigint (STYLE.md habit 2), and the min-out that a
 * slippage setting allows.
 */
import { parseUnits } from '@/lib/math/parse';
import { BPS } from '@/lib/math/scales';

/**
 * A signed percentage with up to two decimals as bps: "-20" → −2000n, "12.5" → 1250n, "+3" → 300n. A leading '+'
 * or '-' is allowed; "1e3", "", "-", "--1" and a third decimal are rejected (undefined).
 */
export function parseSignedPercentBps(text: string): bigint | undefined {
  const trimmed = text.trim();
  const negative = trimmed.startsWith('-');
  const unsigned = negative || trimmed.startsWith('+') ? trimmed.slice(1) : trimmed;
  const bps = parseUnits(unsigned, 2);
  if (bps === undefined) return undefined;
  return negative ? -bps : bps;
}

/**
 * The least a person accepts to receive given a slippage tolerance: `floor(expected × (10000 − slippageBps) /
 * 10000)` (the engine refuses below it with MIN_OUT_NOT_MET). Slippage is clamped to [0, 100%].
 */
export function minOutAfterSlippage({ expected, slippageBps }: { expected: bigint; slippageBps: bigint }): bigint {
  const bps = slippageBps < 0n ? 0n : slippageBps > BPS ? BPS : slippageBps;
  if (expected <= 0n) return 0n;
  return (expected * (BPS - bps)) / BPS;
}
