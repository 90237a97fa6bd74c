import type { ActionResult } from '@/lib/engine/views';

/**
 * The answer body of POST /api/actions, exactly as api.md § Acting's result column: a Position for
 * open/addCollateral/removeCollateral/setTpSl, an Order for placeLimitOrder/cancelOrder, and for the others the
 * engine's result without its `action` tag (faucet: `{token, amount, balance}`; closePosition: `{positionId,
 * payoutToken, payoutAmount, realizedPnlUsd, ..., remaining}`; liquidity and swap: `{lpOut|amountOut, feeAmount}`).
 * Still bigints here: `wireResponse` turns them into decimal strings.
 */
export function actionResultBody(result: ActionResult): object {
  switch (result.action) {
    case 'openPosition':
    case 'addCollateral':
    case 'removeCollateral':
    case 'setTpSl':
      return result.position;
    case 'placeLimitOrder':
    case 'cancelOrder':
      return result.order;
    default: {
      const { action: _action, ...rest } = result;
      return rest;
    }
  }
}
