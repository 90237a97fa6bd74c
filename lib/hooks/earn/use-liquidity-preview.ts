'use client';
import { useMemo } from 'react';
import type { Market, Pool } from '@/lib/client/types';
import { feedQuotesFromMarkets } from '@/lib/earn/feed-quotes';
import { previewAddLiquidity, previewRemoveLiquidity } from '@/lib/earn/liquidity-preview';
import type { AddPreview, Refusal, RemovePreview } from '@/lib/earn/liquidity-preview';
import type { TokenId } from '@/lib/math/ids';
import { parseUnits } from '@/lib/math/parse';
import { LP_DECIMALS } from '@/lib/math/scales';

export type LiquidityMode = 'add' | 'remove';

export interface LiquidityPreviewState {
  /** The typed amount as bigint (token units to add, LP units to remove); undefined when empty or malformed. */
  amount: bigint | undefined;
  /** Text that is not a number in the expected form. */
  invalid: boolean;
  preview: AddPreview | RemovePreview | Refusal | undefined;
}

/**
 * The live preview of the liquidity form: parses the text strictly (parseUnits), then runs the same lib/math
 * functions as the engine on /api/pools' AUM and supply and the custody prices (lib/earn/liquidity-preview).
 */
export function useLiquidityPreview({
  pool,
  markets,
  mode,
  token,
  text,
  walletBalance,
  lpBalance,
  slippageBps,
}: {
  pool: Pool;
  markets: readonly Market[];
  mode: LiquidityMode;
  token: TokenId;
  text: string;
  walletBalance: bigint | undefined;
  lpBalance: bigint | undefined;
  slippageBps: bigint;
}): LiquidityPreviewState {
  return useMemo(() => {
    const decimals = mode === 'add' ? (pool.custodies.find((c) => c.token === token)?.decimals ?? 0) : LP_DECIMALS;
    const amount = text === '' ? undefined : parseUnits(text, decimals);
    const invalid = text !== '' && amount === undefined;
    if (amount === undefined) return { amount, invalid, preview: undefined };
    const quotes = feedQuotesFromMarkets(markets);
    const common = { pool, quotes, token, slippageBps };
    const preview =
      mode === 'add'
        ? previewAddLiquidity({ ...common, amount, balance: walletBalance })
        : previewRemoveLiquidity({ ...common, lpAmount: amount, lpBalance });
    return { amount, invalid, preview };
  }, [pool, markets, mode, token, text, walletBalance, lpBalance, slippageBps]);
}
