'use client';
/** Collateral token (when the side accepts two), amount, wallet balance and 25% / 50% / Max. */
import { NumberInput } from '@/components/ui';
import { formatTokenAmount } from '@/lib/format';
import type { TokenId } from '@/lib/math/ids';
import { TOKENS } from '@/lib/math/params';
import { AMOUNT_FRACTIONS_BPS, amountForFraction, amountToInputText } from '@/lib/trade/amount-fraction';

export interface CollateralInputProps {
  token: TokenId;
  tokens: readonly TokenId[];
  onTokenChange: (token: TokenId) => void;
  amountText: string;
  onAmountChange: (text: string) => void;
  balance: bigint | undefined;
  error?: string | undefined;
}

export function CollateralInput({ token, tokens, onTokenChange, amountText, onAmountChange, balance, error }: CollateralInputProps) {
  const decimals = TOKENS[token].decimals;
  return (
    <div className="flex flex-col gap-2">
      <NumberInput
        label="Pay (collateral)"
        value={amountText}
        onValueChange={onAmountChange}
        maxDecimals={decimals}
        placeholder="0.0"
        data-testid="collateral-amount"
        error={error}
        aside={balance === undefined ? undefined : <span data-testid="collateral-balance">Balance: {formatTokenAmount(balance, decimals, { symbol: token })}</span>}
        suffix={
          tokens.length > 1 ? (
            <>
              <label htmlFor="collateral-token" className="sr-only">
                Collateral token
              </label>
              <select
                id="collateral-token"
                data-testid="collateral-token"
                value={token}
                onChange={(e) => onTokenChange(e.target.value as TokenId)}
                className="min-h-11 rounded-md border border-line bg-bg-hover px-2 text-sm font-semibold text-ink md:min-h-8"
              >
                {tokens.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </>
          ) : (
            token
          )
        }
      />
      {balance !== undefined && (
        <div className="flex gap-1.5" role="group" aria-label="Use part of your balance">
          {AMOUNT_FRACTIONS_BPS.map(({ label, fractionBps }) => (
            <button
              key={label}
              type="button"
              onClick={() => onAmountChange(amountToInputText({ amount: amountForFraction({ balance, fractionBps }), decimals }))}
              className="min-h-11 flex-1 rounded-md border border-line bg-bg-input text-xs font-semibold text-ink-muted hover:border-line-strong hover:text-ink md:min-h-8"
            >
              {label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
