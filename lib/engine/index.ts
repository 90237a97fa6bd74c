export { Engine, type EngineConfig, type EngineDeps } from './engine';
export { EngineClock } from './clock';
export { EngineError, isEngineError, type EngineErrorCode } from './errors';
export type { ActionName, ActionParams, ActionRequest, OpenPositionParams, QuoteOpenParams } from './action-params';
export type * from './views';
export type { EngineEvent, EngineEventListener } from './event-bus';
export { GENESIS_OWNER } from './genesis';
