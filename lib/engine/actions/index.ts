import type { ActionRequest } from '../action-params';
import type { ActionResult } from '../views';
import type { TxContext } from '../tx-context';
import { EngineError } from '../errors';

/** Dispatches one action inside its transaction (engine.execute). */
export async function runAction(_ctx: TxContext, request: ActionRequest): Promise<ActionResult> {
  throw new EngineError('INVALID_PARAMS', `Action ${request.action} is not implemented yet.`);
}
