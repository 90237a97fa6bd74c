/**
 * What "Get test funds" draws from the local network's faucet, one `faucet` action per token, in this order:
 * the most useful first, since the faucet may refuse further draws within the minute (FAUCET_COOLDOWN).
 * Amounts are the faucet's per-draw limits (protocol.md §9).
 */
import type { TokenId } from '@/lib/math/ids';

export const TEST_FUNDS: readonly { token: TokenId; amount: bigint; decimals: number }[] = [
  { token: 'USDC', amount: 10_000_000_000n, decimals: 6 }, // 10,000 USDC
  { token: 'SOL', amount: 50_000_000_000n, decimals: 9 }, // 50 SOL
  { token: 'WBTC', amount: 10_000_000n, decimals: 8 }, // 0.1 WBTC
  { token: 'BONK', amount: 40_000_000_000_000n, decimals: 5 }, // 400,000,000 BONK
];
