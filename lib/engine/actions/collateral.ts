import { addCollateral as addCollateralMath, removeCollateral as removeCollateralMath } from '@/lib/math/collateral';
import { MARKETS, TOKENS, lockToken } from '@/lib/math/params';
import type { ActionParams } from '../action-params';
import type { TxContext } from '../tx-context';
import type { PositionRow } from '../store/rows';
import { updatePosition } from '../store/positions';
import { creditBalance, debitBalance } from '../store/balances';
import { positionMarks, positionView } from '../position-view';
import type { PositionView } from '../views';
import { loadPosition } from './load';

async function save(ctx: TxContext, before: PositionRow, after: PositionRow, detail: Record<string, bigint | string>): Promise<PositionView> {
  const market = MARKETS[after.market];
  await updatePosition(ctx.tx, after, ctx.nowS);
  // Collateral is not part of the §8 aggregate terms, so the aggregate is unchanged.
  await ctx.recordEvent({
    owner: after.owner,
    kind: 'collateral',
    pool: market.pool,
    market: after.market,
    side: after.side,
    sizeUsd: after.sizeUsd,
    details: { positionId: after.id, collateralUsdBefore: before.collateralUsd, collateralUsdAfter: after.collateralUsd, ...detail },
  });
  ctx.emit({ type: 'position', owner: after.owner, positionId: after.id, market: after.market, kind: 'collateral' }, { position: after });
  const lock = ctx.custody(market.pool, lockToken(after.market, after.side));
  const price = ctx.feedQuote(market.feed, { allowStale: true }).price;
  return positionView(after, { cumulativeInterest: lock.cumulativeInterest, price });
}

/** `addCollateral` (§6): a deposit in the position's collateral token, valued at low. */
export async function addCollateral(ctx: TxContext, owner: string, p: ActionParams['addCollateral']): Promise<PositionView> {
  const position = await loadPosition(ctx, p.positionId, owner);
  const market = MARKETS[position.market];
  const low = ctx.tokenQuote(position.collateralToken).low;
  const { position: next, addedUsd } = addCollateralMath({ position, amount: p.amount, low, decimals: TOKENS[position.collateralToken].decimals });
  await debitBalance(ctx.tx, owner, position.collateralToken, p.amount, 'this deposit');
  ctx.touch(market.pool, position.collateralToken).collateral += p.amount;
  return save(ctx, position, { ...position, ...next }, { token: position.collateralToken, amount: p.amount, addedUsd });
}

/** `removeCollateral` (§6): `amountUsd` paid in the collateral token at high; refused over max initial leverage or under $10. */
export async function removeCollateral(ctx: TxContext, owner: string, p: ActionParams['removeCollateral']): Promise<PositionView> {
  const position = await loadPosition(ctx, p.positionId, owner);
  const market = MARKETS[position.market];
  ctx.requireMarketOpen(position.market);
  const price = ctx.feedQuote(market.feed).price;
  const lock = ctx.custody(market.pool, lockToken(position.market, position.side));
  const marks = positionMarks({ market: position.market, position, cumulativeInterest: lock.cumulativeInterest, price });
  const { position: next, amountOut } = removeCollateralMath({
    position,
    amountUsd: p.amountUsd,
    high: ctx.tokenQuote(position.collateralToken).high,
    decimals: TOKENS[position.collateralToken].decimals,
    pricePnlUsd: marks.pricePnlUsd,
    borrowFeeUsd: marks.borrowFeeUsd,
    maxInitialLeverageBps: market.maxInitialLeverageBps,
  });
  ctx.touch(market.pool, position.collateralToken).collateral -= amountOut;
  await creditBalance(ctx.tx, owner, position.collateralToken, amountOut);
  return save(ctx, position, { ...position, ...next }, { token: position.collateralToken, amountOut, amountUsd: p.amountUsd });
}
