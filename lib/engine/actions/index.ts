import { BPS } from '@/lib/math/scales';
import { ProtocolError } from '@/lib/math/errors';
import type { ActionRequest } from '../action-params';
import type { ActionResult } from '../views';
import type { TxContext } from '../tx-context';
import { faucet } from './faucet';
import { openPosition } from './open-position';
import { settlePosition } from './settle';
import { loadPosition } from './load';
import { addCollateral, removeCollateral } from './collateral';
import { setTpSl } from './tpsl';
import { cancelOrder, placeLimitOrder } from './orders';
import { addLiquidity, removeLiquidity } from './liquidity';
import { swap } from './swap';

async function dispatch(ctx: TxContext, r: ActionRequest): Promise<ActionResult> {
  switch (r.action) {
    case 'faucet':
      return { action: 'faucet', ...(await faucet(ctx, r.owner, r.params)) };
    case 'openPosition':
      return { action: 'openPosition', position: await openPosition(ctx, r.owner, r.params) };
    case 'closePosition': {
      const fractionBps = r.params.fractionBps ?? BPS;
      if (fractionBps <= 0n || fractionBps > BPS) throw new ProtocolError('INVALID_AMOUNT', 'fractionBps must be between 1 and 10000.');
      const position = await loadPosition(ctx, r.params.positionId, r.owner);
      const result = await settlePosition(ctx, position, { fractionBps, acceptablePrice: r.params.acceptablePrice, reason: 'close' });
      return { action: 'closePosition', ...result };
    }
    case 'addCollateral':
      return { action: 'addCollateral', position: await addCollateral(ctx, r.owner, r.params) };
    case 'removeCollateral':
      return { action: 'removeCollateral', position: await removeCollateral(ctx, r.owner, r.params) };
    case 'setTpSl':
      return { action: 'setTpSl', position: await setTpSl(ctx, r.owner, r.params) };
    case 'placeLimitOrder':
      return { action: 'placeLimitOrder', order: await placeLimitOrder(ctx, r.owner, r.params) };
    case 'cancelOrder':
      return { action: 'cancelOrder', order: await cancelOrder(ctx, r.owner, r.params) };
    case 'addLiquidity':
      return { action: 'addLiquidity', ...(await addLiquidity(ctx, r.owner, r.params)) };
    case 'removeLiquidity':
      return { action: 'removeLiquidity', ...(await removeLiquidity(ctx, r.owner, r.params)) };
    case 'swap':
      return { action: 'swap', ...(await swap(ctx, r.owner, r.params)) };
  }
}

/** Runs one action inside its transaction (engine.execute), then writes the touched custodies and aggregates. */
export async function runAction(ctx: TxContext, request: ActionRequest): Promise<ActionResult> {
  const result = await dispatch(ctx, request);
  await ctx.flush();
  return result;
}
