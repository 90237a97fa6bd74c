'use client';
/** Wallet balances and LP holdings of the connected wallet, with their USD value. */
import { Cell, HeaderRow } from '@/components/positions/Cell';
import type { Account, Pool } from '@/lib/client/types';
import { formatTokenAmount, formatUsd } from '@/lib/format';
import { usePrices } from '@/lib/hooks/use-prices';
import { POOL_IDS, TOKEN_IDS } from '@/lib/math/ids';
import { TOKENS } from '@/lib/math/params';
import { LP_DECIMALS } from '@/lib/math/scales';
import { lpValueUsd, tokenValueUsd } from '@/lib/trade/portfolio-totals';

const COLUMNS = 'md:grid-cols-[1fr_1fr_1fr]';
const FEED_PRICE = { USDC: undefined, SOL: 'SOL', WBTC: 'BTC', BONK: 'BONK' } as const;

export function HoldingsList({ account, pools }: { account: Account; pools: Pool[] | undefined }) {
  const prices = usePrices();
  const rows = [
    ...TOKEN_IDS.map((token) => {
      const feed = FEED_PRICE[token];
      const amount = account.balances[token];
      return { key: token, name: token, amount: formatTokenAmount(amount, TOKENS[token].decimals, { symbol: token }), usd: tokenValueUsd({ token, amount, price: feed ? prices[feed]?.price : undefined }) };
    }),
    ...POOL_IDS.map((pool) => {
      const lpAmount = account.lp[pool];
      return { key: pool, name: `${pool} (LP)`, amount: formatTokenAmount(lpAmount, LP_DECIMALS, { symbol: pool }), usd: lpValueUsd({ lpAmount, lpPriceUsd: pools?.find((p) => p.id === pool)?.lpPriceUsd }) };
    }),
  ];
  return (
    <div role="table" aria-label="Balances and LP holdings" data-testid="holdings-list">
      <HeaderRow labels={['Asset', 'Amount', 'Value']} className={COLUMNS} />
      <div role="rowgroup">
        {rows.map((r) => (
          <div role="row" key={r.key} data-testid={`holding-${r.key}`} className={`grid grid-cols-3 gap-x-3 border-b border-line px-3 py-2 ${COLUMNS}`}>
            <div role="cell" className="text-sm font-semibold">
              {r.name}
            </div>
            <Cell label="Amount">{r.amount}</Cell>
            <Cell label="Value">{formatUsd(r.usd)}</Cell>
          </div>
        ))}
      </div>
    </div>
  );
}
