import { addLiquidityQuote, checkFreeLiquidity, checkMinOut, removeLiquidityQuote } from '@/lib/math/liquidity';
import { tokenToUsd } from '@/lib/math/convert';
import { ProtocolError } from '@/lib/math/errors';
import { TOKENS, custodyParams } from '@/lib/math/params';
import type { ActionParams } from '../action-params';
import type { TxContext } from '../tx-context';
import { creditBalance, creditLp, debitBalance, debitLp } from '../store/balances';
import { poolAumUsd } from '../pool-aum';
import { checkRatios } from './ratio-guard';

/** `addLiquidity` (§8): tokens from the wallet into the custody's `owned`, LP minted at AUM / supply. */
export async function addLiquidity(ctx: TxContext, owner: string, p: ActionParams['addLiquidity']): Promise<{ lpOut: bigint; feeAmount: bigint }> {
  const params = custodyParams(p.pool, p.token);
  if (p.amount <= 0n) throw new ProtocolError('AMOUNT_TOO_SMALL', 'Enter an amount to deposit.');
  await ctx.lockPool(p.pool);
  const quote = ctx.tokenQuote(p.token);
  const aum = await poolAumUsd(ctx, p.pool);
  const supply = ctx.lpSupply(p.pool);
  const q = addLiquidityQuote({ amount: p.amount, addFeeBps: params.addFeeBps, low: quote.low, decimals: TOKENS[p.token].decimals, aumUsd: aum, supply });
  checkMinOut({ amountOut: q.lpOut, minAmountOut: p.minLpOut });
  checkRatios(ctx, p.pool, { [p.token]: p.amount });
  await debitBalance(ctx.tx, owner, p.token, p.amount, 'this deposit');
  ctx.touch(p.pool, p.token).owned += p.amount;
  ctx.setLpSupply(p.pool, supply + q.lpOut);
  await creditLp(ctx.tx, owner, p.pool, q.lpOut);
  const feeUsd = tokenToUsd({ amount: q.feeAmount, price: quote.low, decimals: TOKENS[p.token].decimals }, 'floor');
  await ctx.recordEvent({
    owner,
    kind: 'liquidity_added',
    pool: p.pool,
    feesUsd: feeUsd,
    details: { token: p.token, amount: p.amount, lpOut: q.lpOut, feeAmount: q.feeAmount, valueUsd: q.valueUsd, aumUsd: aum },
  });
  return { lpOut: q.lpOut, feeAmount: q.feeAmount };
}

/** `removeLiquidity` (§8): LP burnt at AUM / supply, paid in one custody's token at high, less the fee. */
export async function removeLiquidity(
  ctx: TxContext,
  owner: string,
  p: ActionParams['removeLiquidity'],
): Promise<{ amountOut: bigint; feeAmount: bigint }> {
  const params = custodyParams(p.pool, p.token);
  if (p.lpAmount <= 0n) throw new ProtocolError('AMOUNT_TOO_SMALL', 'Enter an amount of LP tokens to redeem.');
  await ctx.lockPool(p.pool);
  const quote = ctx.tokenQuote(p.token);
  const aum = await poolAumUsd(ctx, p.pool);
  const supply = ctx.lpSupply(p.pool);
  const q = removeLiquidityQuote({ lpAmount: p.lpAmount, aumUsd: aum, supply, high: quote.high, decimals: TOKENS[p.token].decimals, removeFeeBps: params.removeFeeBps });
  const custody = ctx.custody(p.pool, p.token);
  checkFreeLiquidity({ owned: custody.owned, locked: custody.locked, amount: q.amountOut });
  checkMinOut({ amountOut: q.amountOut, minAmountOut: p.minAmountOut });
  checkRatios(ctx, p.pool, { [p.token]: -q.amountOut });
  await debitLp(ctx.tx, owner, p.pool, p.lpAmount);
  ctx.touch(p.pool, p.token).owned -= q.amountOut;
  ctx.setLpSupply(p.pool, supply - p.lpAmount);
  await creditBalance(ctx.tx, owner, p.token, q.amountOut);
  const feeUsd = tokenToUsd({ amount: q.feeAmount, price: quote.high, decimals: TOKENS[p.token].decimals }, 'floor');
  await ctx.recordEvent({
    owner,
    kind: 'liquidity_removed',
    pool: p.pool,
    feesUsd: feeUsd,
    details: { token: p.token, lpAmount: p.lpAmount, amountOut: q.amountOut, feeAmount: q.feeAmount, usdOut: q.usdOut, aumUsd: aum },
  });
  return { amountOut: q.amountOut, feeAmount: q.feeAmount };
}
