/**
 * Previews of add and remove liquidity, computed with the same lib/math functions the engine runs (protocol.md §8):
 * `addLiquidityQuote` / `removeLiquidityQuote` on the AUM and supply of /api/pools, then the checks the engine
 * makes, in its order (lib/engine/actions/liquidity.ts), so a refusal is explained before anything is signed: free
 * liquidity (remove), the ratio rule ("USDC would be 41% of ALP; the maximum is 40%."), then the wallet's balance. The min-out sent with the action is the previewed
 * amount less the slippage setting.
 *
 * Custody ratios use `floor(usd(owned, low, dec))` per custody (§8). After a deposit the custody owns `amount` more
 * (the fee stays in the pool); after a withdrawal it owns `amountOut` less (the fee stays too).
 */
import type { Custody, Pool } from '@/lib/client/types';
import { tokenToUsd } from '@/lib/math/convert';
import { isProtocolError } from '@/lib/math/errors';
import type { TokenId } from '@/lib/math/ids';
import { addLiquidityQuote, checkFreeLiquidity, lpPriceUsd, removeLiquidityQuote } from '@/lib/math/liquidity';
import { checkRatioRule, custodyRatiosBps } from '@/lib/math/ratio';
import { describeFixed } from '@/lib/math/describe';
import { LP_DECIMALS } from '@/lib/math/scales';
import { custodyQuote } from './feed-quotes';
import type { FeedQuotes } from './feed-quotes';
import { minOutAfterSlippage } from './inputs';
import { addLiquidityCost, removeLiquidityCost } from './liquidity-cost';
import type { LiquidityCost } from './liquidity-cost';

type PoolInput = Pick<Pool, 'id' | 'aumUsd' | 'lpSupply'> & { custodies: readonly Custody[] };

export interface Refusal {
  code: string;
  message: string;
}

export interface RatioChange {
  token: TokenId;
  beforeBps: bigint;
  afterBps: bigint;
  minBps: bigint;
  maxBps: bigint;
}

export interface AddPreview {
  kind: 'add';
  amount: bigint;
  feeAmount: bigint;
  valueUsd: bigint;
  lpOut: bigint;
  minLpOut: bigint;
  lpPriceUsd: bigint;
  ratio: RatioChange | undefined;
  refusal: Refusal | undefined;
  /** Fee + band in USD against the mid (lib/earn/liquidity-cost). */
  cost: LiquidityCost;
}

export interface RemovePreview {
  kind: 'remove';
  lpAmount: bigint;
  usdOut: bigint;
  grossAmount: bigint;
  feeAmount: bigint;
  amountOut: bigint;
  minAmountOut: bigint;
  lpPriceUsd: bigint;
  ratio: RatioChange | undefined;
  refusal: Refusal | undefined;
  cost: LiquidityCost;
}

interface Common {
  pool: PoolInput;
  quotes: FeedQuotes;
  token: TokenId;
  slippageBps: bigint;
}

/** Each custody's share after `token`'s owned changes by `delta`; undefined when a custody has no price. */
export function ratioChange({ pool, quotes, token, delta }: { pool: PoolInput; quotes: FeedQuotes; token: TokenId; delta: bigint }): RatioChange | undefined {
  const before: bigint[] = [];
  const after: bigint[] = [];
  for (const c of pool.custodies) {
    const quote = custodyQuote(c, quotes);
    if (!quote) return undefined;
    const value = (owned: bigint) => tokenToUsd({ amount: owned, price: quote.low, decimals: c.decimals }, 'floor');
    before.push(value(c.owned));
    after.push(value(c.token === token ? c.owned + delta : c.owned));
  }
  const index = pool.custodies.findIndex((c) => c.token === token);
  const custody = pool.custodies[index];
  const beforeBps = custodyRatiosBps(before)[index];
  const afterBps = custodyRatiosBps(after)[index];
  if (!custody || beforeBps === undefined || afterBps === undefined) return undefined;
  return { token, beforeBps, afterBps, minBps: custody.minBps, maxBps: custody.maxBps };
}

/** The engine's ratio refusal for this change, if any (only meaningful for a pool of several custodies). */
function ratioRefusal(pool: PoolInput, ratio: RatioChange | undefined): Refusal | undefined {
  if (!ratio || pool.custodies.length < 2) return undefined;
  return attempt(() => checkRatioRule({ ...ratio, pool: pool.id }));
}

function attempt(fn: () => void): Refusal | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (isProtocolError(e)) return { code: e.code, message: e.message };
    throw e;
  }
}

function findCustody(pool: PoolInput, token: TokenId): Custody | undefined {
  return pool.custodies.find((c) => c.token === token);
}

/** Preview of depositing `amount` of `token`; `undefined` when it cannot be priced or the amount is not positive. */
export function previewAddLiquidity({ amount, balance, ...common }: Common & { amount: bigint; balance: bigint | undefined }): AddPreview | Refusal | undefined {
  const { pool, quotes, token, slippageBps } = common;
  const custody = findCustody(pool, token);
  const quote = custody && custodyQuote(custody, quotes);
  if (!custody || !quote || amount <= 0n) return undefined;
  let quoted;
  try {
    quoted = addLiquidityQuote({ amount, addFeeBps: custody.addFeeBps, low: quote.low, decimals: custody.decimals, aumUsd: pool.aumUsd, supply: pool.lpSupply });
  } catch (e) {
    if (isProtocolError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  const ratio = ratioChange({ pool, quotes, token, delta: amount });
  const refusal =
    ratioRefusal(pool, ratio) ??
    (balance !== undefined && amount > balance
      ? { code: 'INSUFFICIENT_BALANCE', message: `You have ${describeFixed(balance, custody.decimals)} ${token}; deposit at most that.` }
      : undefined);
  return {
    kind: 'add',
    amount,
    ...quoted,
    minLpOut: minOutAfterSlippage({ expected: quoted.lpOut, slippageBps }),
    lpPriceUsd: lpPriceUsd({ aumUsd: pool.aumUsd, supply: pool.lpSupply }),
    ratio,
    refusal,
    cost: addLiquidityCost({ amount, feeAmount: quoted.feeAmount, valueUsd: quoted.valueUsd, mid: quote.price, decimals: custody.decimals }),
  };
}

/** Preview of redeeming `lpAmount` LP tokens into `token`. */
export function previewRemoveLiquidity({ lpAmount, lpBalance, ...common }: Common & { lpAmount: bigint; lpBalance: bigint | undefined }): RemovePreview | Refusal | undefined {
  const { pool, quotes, token, slippageBps } = common;
  const custody = findCustody(pool, token);
  const quote = custody && custodyQuote(custody, quotes);
  if (!custody || !quote || lpAmount <= 0n) return undefined;
  let quoted;
  try {
    quoted = removeLiquidityQuote({ lpAmount, aumUsd: pool.aumUsd, supply: pool.lpSupply, high: quote.high, decimals: custody.decimals, removeFeeBps: custody.removeFeeBps });
  } catch (e) {
    if (isProtocolError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  const ratio = ratioChange({ pool, quotes, token, delta: -quoted.amountOut });
  const refusal =
    attempt(() => checkFreeLiquidity({ owned: custody.owned, locked: custody.locked, amount: quoted.amountOut })) ??
    ratioRefusal(pool, ratio) ??
    (lpBalance !== undefined && lpAmount > lpBalance
      ? { code: 'INSUFFICIENT_BALANCE', message: `You hold ${describeFixed(lpBalance, LP_DECIMALS)} ${pool.id}; withdraw at most that.` }
      : undefined);
  return {
    kind: 'remove',
    lpAmount,
    ...quoted,
    minAmountOut: minOutAfterSlippage({ expected: quoted.amountOut, slippageBps }),
    lpPriceUsd: lpPriceUsd({ aumUsd: pool.aumUsd, supply: pool.lpSupply }),
    ratio,
    refusal,
    cost: removeLiquidityCost({ usdOut: quoted.usdOut, grossAmount: quoted.grossAmount, feeAmount: quoted.feeAmount, mid: quote.price, decimals: custody.decimals }),
  };
}

export const isRefusalOnly = (p: AddPreview | RemovePreview | Refusal | undefined): p is Refusal => p !== undefined && !('kind' in p);
