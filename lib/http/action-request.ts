import type { ActionParams, ActionRequest } from '@/lib/engine/action-params';
import type { ActionName, IntentWire } from '@/lib/client/wire';
import type { ParsedActionParams } from './action-schemas';
import { actionParamSchemas } from './action-schemas';
import { parseOr400 } from './parse';

/** Compile-time proof that every parsed params type is what the engine takes. */
type ParamsMatch = { [A in ActionName]: ParsedActionParams[A] extends ActionParams[A] ? true : false };
const _paramsMatch: false extends ParamsMatch[ActionName] ? never : true = true;
void _paramsMatch;

/** Turns an authenticated intent into the engine's typed request: 400 (naming `params.<field>`) on bad params. */
export function toActionRequest(intent: IntentWire): ActionRequest {
  const params: unknown = parseOr400(actionParamSchemas[intent.action], intent.params, 'params');
  // The schema is chosen by `intent.action`, so params has the type of that action (checked by ParamsMatch).
  return { owner: intent.owner, nonce: intent.nonce, action: intent.action, params } as ActionRequest;
}
